import Fluent
import SQLKit

/// Reasons on the managed list can be retired: no longer offered, still named where they were used.
struct UpdateOutsideReasonsAddRetired: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(OutsideReason.schema)
            .field("retired", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(OutsideReason.schema).deleteField("retired").update()
    }
}
