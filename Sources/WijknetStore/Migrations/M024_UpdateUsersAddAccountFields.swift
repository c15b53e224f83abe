import Fluent
import SQLKit

/// Accounts a municipality manages: an e-mail address (unique when given), the moment an account
/// was deactivated (it stays, with its audit trail, and its name is never given out again) and the
/// last sign-in, for the administrator's list.
struct UpdateUsersAddAccountFields: AsyncMigration {
    func prepare(on database: Database) async throws {
        // One column per statement: SQLite alters a table one change at a time.
        try await database.schema(User.schema).field("email", .string).update()
        try await database.schema(User.schema).field("deactivated_at", .datetime).update()
        try await database.schema(User.schema).field("last_sign_in_at", .datetime).update()
        // Several accounts without an address are fine: both databases let NULLs repeat in a unique index.
        try await database.sql().raw("CREATE UNIQUE INDEX users_email ON users (email)").run()
    }

    func revert(on database: Database) async throws {
        try await database.sql().raw("DROP INDEX users_email").run()
        try await database.schema(User.schema).deleteField("last_sign_in_at").update()
        try await database.schema(User.schema).deleteField("deactivated_at").update()
        try await database.schema(User.schema).deleteField("email").update()
    }
}
