import Fluent

/// E-mails waiting to go out, written in the transaction of the step they tell about, so a step
/// that is rolled back sends nothing and a mail server that is down loses nothing.
struct CreateOutbox: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(OutboxMessage.schema)
            .id()
            .field("recipient", .string, .required)
            .field("notice", .string, .required)
            .field("subject_id", .uuid, .required)
            .field("created_at", .datetime)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("last_error", .string)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(OutboxMessage.schema).delete()
    }
}
