import Fluent

/// Which instance runs a background job now, and until when (`JobLease`).
struct CreateJobLeases: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(JobLease.schema)
            .field("name", .string, .identifier(auto: false))
            .field("holder", .string, .required)
            .field("until", .datetime, .required)
            .field("rounds", .int64, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(JobLease.schema).delete()
    }
}
