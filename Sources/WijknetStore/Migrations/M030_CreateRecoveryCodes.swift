import Fluent

/// Ten single-use recovery codes per account with a second factor; only their SHA-256 is kept.
struct CreateRecoveryCodes: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(RecoveryCode.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .unique(on: "user_id", "code_hash")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(RecoveryCode.schema).delete()
    }
}
