import Fluent

struct CreateResidents: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Household.schema)
            .id()
            .field("created_at", .datetime)
            .create()
        try await database.schema(Resident.schema)
            .id()
            .field("household_id", .uuid, .required, .references(Household.schema, "id"))
            .field("given_name", .string, .required)
            .field("family_name", .string, .required)
            .field("birth_date", .string, .required)
            // AES-GCM sealed, and an HMAC to look it up: never the number itself.
            .field("bsn_sealed", .string, .required)
            .field("bsn_lookup", .string, .required)
            .field("street", .string, .required)
            .field("house_number", .string, .required)
            .field("postcode", .string, .required)
            .field("city", .string, .required)
            .field("district_id", .uuid, .required, .references(District.schema, "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "bsn_lookup")
            .create()
        try await database.schema(KeyCheck.schema)
            .field("id", .int, .identifier(auto: false))
            .field("sealed", .string, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(KeyCheck.schema).delete()
        try await database.schema(Resident.schema).delete()
        try await database.schema(Household.schema).delete()
    }
}
