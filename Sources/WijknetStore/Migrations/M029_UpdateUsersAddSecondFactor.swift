import Fluent

/// The second factor of an account: its TOTP secret (sealed with the data key, as BSNs are), one
/// waiting for confirmation during enrolment, since when it is on, and the last time step used,
/// so that a code works once.
struct UpdateUsersAddSecondFactor: AsyncMigration {
    func prepare(on database: Database) async throws {
        // One column per statement: SQLite alters a table one change at a time.
        try await database.schema(User.schema).field("totp_secret", .string).update()
        try await database.schema(User.schema).field("totp_pending_secret", .string).update()
        try await database.schema(User.schema).field("totp_enabled_at", .datetime).update()
        try await database.schema(User.schema).field("totp_last_step", .int64).update()
    }

    func revert(on database: Database) async throws {
        for field: FieldKey in ["totp_last_step", "totp_enabled_at", "totp_pending_secret", "totp_secret"] {
            try await database.schema(User.schema).deleteField(field).update()
        }
    }
}
