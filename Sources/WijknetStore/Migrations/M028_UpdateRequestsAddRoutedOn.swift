import Fluent
import SQLKit

/// The day a request was routed directly, so a partner's inbox lists what waits longest first;
/// an index for the requests routed to one partner.
struct UpdateRequestsAddRoutedOn: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SupportRequest.schema).field("routed_on", .string).update()
        // Requests routed before this column existed: the intake date is the best day known.
        try await database.sql().raw("UPDATE support_requests SET routed_on = intake_date WHERE route = 'direct'").run()
        try await database.sql().create(index: "idx_requests_direct_partner").on(SupportRequest.schema)
            .column("direct_partner_id").column("status").run()
    }

    func revert(on database: Database) async throws {
        try await database.sql().drop(index: "idx_requests_direct_partner").run()
        try await database.schema(SupportRequest.schema).deleteField("routed_on").update()
    }
}
