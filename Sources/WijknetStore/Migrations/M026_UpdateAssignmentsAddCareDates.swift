import Fluent
import SQLKit

/// The days care actually started and ended, as the provider reports them (K8 uses the start),
/// and the indexes of a partner's inbox: a provider's care without a reported start, its care
/// without a reported end by end date, and a partner's referrals by status.
struct UpdateAssignmentsAddCareDates: AsyncMigration {
    func prepare(on database: Database) async throws {
        // One column per statement: SQLite alters a table one change at a time.
        try await database.schema(Assignment.schema).field("care_started_on", .string).update()
        try await database.schema(Assignment.schema).field("care_ended_on", .string).update()
        let sql = try database.sql()
        try await sql.create(index: "idx_assignments_provider_started").on(Assignment.schema).column("provider_id").column("care_started_on").run()
        try await sql.create(index: "idx_assignments_provider_ended").on(Assignment.schema)
            .column("provider_id").column("care_ended_on").column("end_date").run()
        try await sql.create(index: "idx_referrals_partner_status").on(Referral.schema).column("partner_id").column("status").run()
    }

    func revert(on database: Database) async throws {
        let sql = try database.sql()
        for index in ["idx_referrals_partner_status", "idx_assignments_provider_ended", "idx_assignments_provider_started"] {
            try await sql.drop(index: index).ifExists().run()
        }
        try await database.schema(Assignment.schema).deleteField("care_ended_on").update()
        try await database.schema(Assignment.schema).deleteField("care_started_on").update()
    }
}
