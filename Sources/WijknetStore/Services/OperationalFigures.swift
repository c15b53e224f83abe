import Fluent
import SQLKit

/// What an operator watches in the database itself, shared by every instance: how long the audit
/// log is, how many areas wait for their figures to be recounted, how many e-mails wait to go out.
/// Counts only, never a record.
public struct OperationalFigures: Sendable {
    public let auditEntries: Int
    public let staleAreas: Int
    public let outboxWaiting: Int

    public static func read(on db: any Database) async throws -> OperationalFigures {
        let row = try await db.sql().raw("""
            SELECT (SELECT COALESCE(MAX(seq), 0) FROM audit_entries) AS audit,
                   (SELECT COUNT(*) FROM figure_areas WHERE stale = \(bind: true)) AS stale,
                   (SELECT COUNT(*) FROM outbox_messages) AS outbox
            """).first()
        return OperationalFigures(auditEntries: try row?.decode(column: "audit", as: Int.self) ?? 0,
                                  staleAreas: try row?.decode(column: "stale", as: Int.self) ?? 0,
                                  outboxWaiting: try row?.decode(column: "outbox", as: Int.self) ?? 0)
    }
}
