import Fluent
import SQLKit

/// Indexes for the request list, the case page and the agenda; plain SQL that SQLite and
/// PostgreSQL both accept.
struct CreateIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("idx_requests_intake", SupportRequest.schema, ["intake_date"]),
        ("idx_requests_area_intake", SupportRequest.schema, ["area_id", "intake_date"]),
        ("idx_requests_area_status_intake", SupportRequest.schema, ["area_id", "status", "intake_date"]),
        ("idx_requests_network_intake", SupportRequest.schema, ["network_id", "intake_date"]),
        ("idx_requests_resident", SupportRequest.schema, ["resident_id"]),
        ("idx_agenda_request", AgendaItem.schema, ["request_id"]),
        ("idx_outcomes_request", Outcome.schema, ["request_id"]),
        ("idx_assignments_request", Assignment.schema, ["request_id"]),
        ("idx_assignments_start", Assignment.schema, ["start_date"]),
        ("idx_referrals_request", Referral.schema, ["request_id"]),
        ("idx_events_request", CaseEvent.schema, ["request_id", "at"]),
        ("idx_memberships_network", Membership.schema, ["network_id", "organisation_id"]),
        ("idx_residents_district", Resident.schema, ["district_id"]),
    ]

    func prepare(on database: Database) async throws {
        let sql = try database.sql()
        for index in Self.indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: Database) async throws {
        let sql = try database.sql()
        for index in Self.indexes {
            try await sql.drop(index: index.name).ifExists().run()
        }
    }
}
