import Fluent
import SQLKit

/// The council's figures kept as tallies per area, network, period and law (`FigureTallies`),
/// and per area whether they are current.
struct CreateFigureTallies: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("figure_areas")
            .field("area_id", .uuid, .required, .references(Area.schema, "id"))
            .field("stale", .bool, .required)
            .field("computed_as_of", .string)
            .field("covers_until", .string)
            .unique(on: "area_id")
            .create()
        try await database.schema("figure_tallies")
            .field("area_id", .uuid, .required, .references(Area.schema, "id"))
            .field("network_id", .uuid)
            .field("period", .string, .required)
            .field("law", .string, .required)
            .field("tally", .string, .required)
            .create()
        try await database.sql().raw("CREATE INDEX figure_tallies_period ON figure_tallies (period, law, area_id)").run()
        try await database.sql().raw("CREATE INDEX figure_tallies_area ON figure_tallies (area_id)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("figure_tallies").delete()
        try await database.schema("figure_areas").delete()
    }
}
