import Fluent

/// Sign-in slows down per account name instead of locking the account (`SignInBackoff`): the
/// count moves from the users table to a table of its own, keyed by a hash of the name, so names
/// that do not exist are counted the same way.
struct CreateSignInAttempts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SignInAttempts.schema)
            .field("account_key", .string, .identifier(auto: false))
            .field("attempts", .int, .required)
            .field("blocked_until", .double)
            .create()
        // One column per statement: SQLite alters a table one change at a time.
        try await database.schema(User.schema).deleteField("failed_logins").update()
        try await database.schema(User.schema).deleteField("locked_until").update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(User.schema).field("failed_logins", .int, .required, .sql(.default(0))).update()
        try await database.schema(User.schema).field("locked_until", .datetime).update()
        try await database.schema(SignInAttempts.schema).delete()
    }
}
