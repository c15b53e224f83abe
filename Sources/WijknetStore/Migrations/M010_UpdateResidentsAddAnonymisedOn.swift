import Fluent

/// Marks residents whose personal data were removed when their retention period ended.
struct UpdateResidentsAddAnonymisedOn: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Resident.schema).field("anonymised_on", .string).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Resident.schema).deleteField("anonymised_on").update()
    }
}
