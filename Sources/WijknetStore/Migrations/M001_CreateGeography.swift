import Fluent

struct CreateGeography: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Municipality.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .unique(on: "code")
            .create()
        try await database.schema(Area.schema)
            .id()
            .field("municipality_id", .uuid, .required, .references(Municipality.schema, "id"))
            .field("name", .string, .required)
            .create()
        try await database.schema(District.schema)
            .id()
            .field("area_id", .uuid, .required, .references(Area.schema, "id"))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .unique(on: "code")
            .create()
        try await database.schema(Network.schema)
            .id()
            .field("area_id", .uuid, .required, .references(Area.schema, "id"))
            .field("name", .string, .required)
            .field("meeting_weekday", .int, .required)
            .unique(on: "area_id")
            .create()
    }

    func revert(on database: Database) async throws {
        for schema in [Network.schema, District.schema, Area.schema, Municipality.schema] {
            try await database.schema(schema).delete()
        }
    }
}
