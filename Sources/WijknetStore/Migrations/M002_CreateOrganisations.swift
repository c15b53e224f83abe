import Fluent

struct CreateOrganisations: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Organisation.schema)
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("expertise", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(Membership.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("network_id", .uuid, .required, .references(Network.schema, "id"))
            .field("ring", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string)
            .field("capacity_hours", .double)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Membership.schema).delete()
        try await database.schema(Organisation.schema).delete()
    }
}
