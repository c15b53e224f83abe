import Fluent
import SQLKit

/// Assignments imported from the system before Wijknet (`wijknet import assignments`).
struct CreateHistoricalAssignments: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(HistoricalAssignment.schema)
            .id()
            .field("source_id", .string, .required)
            .field("law", .string, .required)
            .field("product_id", .uuid, .required, .references(Product.schema, "id"))
            .field("provider_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("district_id", .uuid, .required, .references(District.schema, "id"))
            .field("area_id", .uuid, .required, .references(Area.schema, "id"))
            .field("network_id", .uuid, .references(Network.schema, "id"))
            .field("start_date", .string, .required)
            .field("end_date", .string)
            .field("hours_per_week", .double, .required)
            .field("kind", .string, .required)
            .field("inside_network", .bool, .required)
            .field("imported_at", .datetime, .required)
            .unique(on: "source_id")
            .create()
        try await database.sql().raw("CREATE INDEX historical_assignments_area ON historical_assignments (area_id, start_date)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(HistoricalAssignment.schema).delete()
    }
}
