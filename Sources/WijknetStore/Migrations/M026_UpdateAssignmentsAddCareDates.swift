import Fluent
import SQLKit

/// The days care actually started and ended, as the provider reports them (K8 uses the start),
/// and an index for a provider's inbox.
struct UpdateAssignmentsAddCareDates: AsyncMigration {
    func prepare(on database: Database) async throws {
        // One column per statement: SQLite alters a table one change at a time.
        try await database.schema(Assignment.schema).field("care_started_on", .string).update()
        try await database.schema(Assignment.schema).field("care_ended_on", .string).update()
        try await database.sql().create(index: "idx_assignments_provider").on(Assignment.schema).column("provider_id").column("start_date").run()
        try await database.sql().create(index: "idx_referrals_partner").on(Referral.schema).column("partner_id").column("date").run()
    }

    func revert(on database: Database) async throws {
        try await database.sql().drop(index: "idx_referrals_partner").run()
        try await database.sql().drop(index: "idx_assignments_provider").run()
        try await database.schema(Assignment.schema).deleteField("care_ended_on").update()
        try await database.schema(Assignment.schema).deleteField("care_started_on").update()
    }
}
