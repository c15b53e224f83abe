import Fluent

/// Self-sufficiency assessments (ZRM) and their domain scores.
struct CreateZRMAssessments: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ZRMAssessment.schema)
            .id()
            .field("resident_id", .uuid, .required, .references(Resident.schema, "id"))
            .field("version", .string, .required)
            .field("assessed_on", .string, .required)
            .field("assessor_id", .uuid, .required, .references(User.schema, "id"))
            .field("created_at", .datetime)
            .create()
        try await database.schema(ZRMScore.schema)
            .id()
            .field("assessment_id", .uuid, .required, .references(ZRMAssessment.schema, "id"))
            .field("domain", .string, .required)
            .field("level", .int)
            .field("note", .string)
            .field("not_assessed_reason", .string)
            .unique(on: "assessment_id", "domain")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ZRMScore.schema).delete()
        try await database.schema(ZRMAssessment.schema).delete()
    }
}
