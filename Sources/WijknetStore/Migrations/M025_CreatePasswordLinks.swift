import Fluent

/// One-time links to set or reset a password: only the SHA-256 of the link's token is kept.
struct CreatePasswordLinks: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(PasswordLink.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(PasswordLink.schema).delete()
    }
}
