import Fluent

/// When an assessment came in by import (ZRM 2010 from the system before Wijknet): its assessor
/// is then who imported it, not who assessed.
struct UpdateZRMAssessmentsAddImportedAt: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ZRMAssessment.schema).field("imported_at", .datetime).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ZRMAssessment.schema).deleteField("imported_at").update()
    }
}
