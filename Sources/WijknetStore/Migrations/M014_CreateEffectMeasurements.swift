import Fluent

/// Effect measurements of track 3: one per request, measure and moment.
struct CreateEffectMeasurements: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(EffectMeasurement.schema)
            .id()
            .field("request_id", .uuid, .required, .references(SupportRequest.schema, "id"))
            .field("measure", .string, .required)
            .field("moment", .string, .required)
            .field("measured_on", .string, .required)
            .field("scores", .string, .required)
            .field("recorded_by", .uuid, .required, .references(User.schema, "id"))
            .field("updated_at", .datetime)
            .unique(on: "request_id", "measure", "moment")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(EffectMeasurement.schema).delete()
    }
}
