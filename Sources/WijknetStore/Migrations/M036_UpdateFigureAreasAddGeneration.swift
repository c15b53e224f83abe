import Fluent
import SQLKit

/// A counter per area that every write touching its figures moves on (`FigureTallies.touch`): a
/// recount made outside the write lock is stored only if the counter did not move meanwhile.
struct UpdateFigureAreasAddGeneration: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("figure_areas").field("generation", .int64, .required, .sql(.default(0))).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("figure_areas").deleteField("generation").update()
    }
}
