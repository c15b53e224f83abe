import Fluent

/// The text blocks of the quarterly council letter.
struct CreateLetterTexts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(LetterText.schema)
            .id()
            .field("municipality_id", .uuid, .required, .references(Municipality.schema, "id"))
            .field("quarter", .string, .required)
            .field("section", .string, .required)
            .field("body", .string, .required)
            .field("updated_by", .uuid, .required, .references(User.schema, "id"))
            .field("updated_at", .datetime)
            .unique(on: "municipality_id", "quarter", "section")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(LetterText.schema).delete()
    }
}
