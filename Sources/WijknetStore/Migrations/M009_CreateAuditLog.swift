import Fluent
import SQLKit
import WijknetCore

/// The audit log and its head: one row with the last sequence number and hash, which every
/// append updates in the same transaction (and so serialises appends across app instances).
struct CreateAuditLog: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("seq", .int, .required)
            .field("at", .string, .required)
            .field("user_id", .string, .required)
            .field("username", .string, .required)
            .field("role", .string, .required)
            .field("organisation_id", .string, .required)
            .field("action", .string, .required)
            .field("channel", .string, .required)
            .field("subject", .string, .required)
            .field("subject_id", .string, .required)
            .field("resident_ids", .string, .required)
            .field("purpose", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "seq")
            .create()
        try await database.schema(AuditLog.headSchema)
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int, .required)
            .field("hash", .string, .required)
            .create()
        let sql = try database.sql()
        try await sql.insert(into: AuditLog.headSchema).columns("id", "seq", "hash").values(SQLBind(1), SQLBind(0), SQLBind(AuditChain.genesis)).run()
        try await sql.create(index: "idx_audit_user").on(AuditEntry.schema).column("user_id").run()
        try await sql.create(index: "idx_audit_subject").on(AuditEntry.schema).column("subject_id").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(AuditLog.headSchema).delete()
        try await database.schema(AuditEntry.schema).delete()
    }
}
