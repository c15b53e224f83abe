import Fluent
import SQLKit

/// Requests imported from the system before Wijknet keep their number there (`CaseHistoryImport`),
/// unique, so importing the same file again adds nothing twice. Requests made in Wijknet have none.
struct UpdateRequestsAddSourceID: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SupportRequest.schema).field("source_id", .string).update()
        // A unique index rather than a constraint: SQLite cannot add a constraint to a table.
        try await database.sql().raw("CREATE UNIQUE INDEX idx_requests_source_id ON support_requests (source_id)").run()
    }

    func revert(on database: Database) async throws {
        try await database.sql().raw("DROP INDEX idx_requests_source_id").run()
        try await database.schema(SupportRequest.schema).deleteField("source_id").update()
    }
}
