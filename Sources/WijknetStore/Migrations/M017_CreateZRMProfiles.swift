import Fluent

/// Zelfredzaamheidprofielen: versioned sets of profiles, and per assessment the profile (of the
/// version) it was classified under.
struct CreateZRMProfiles: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ZRMProfileSet.schema)
            .id()
            .field("version", .int, .required)
            .field("period_first", .string, .required)
            .field("period_last", .string, .required)
            .field("assessments", .int, .required)
            .field("inertia", .double, .required)
            .field("silhouettes", .string, .required)
            .field("derived_by", .uuid, .required, .references(User.schema, "id"))
            .field("derived_at", .datetime)
            .unique(on: "version")
            .create()
        try await database.schema(ZRMProfile.schema)
            .id()
            .field("set_id", .uuid, .required, .references(ZRMProfileSet.schema, "id"))
            .field("number", .int, .required)
            .field("name", .string, .required)
            .field("centre", .string, .required)
            .field("size", .int, .required)
            .unique(on: "set_id", "number")
            .create()
        // No foreign key: SQLite cannot add one to an existing table; the service keeps it right.
        try await database.schema(ZRMAssessment.schema).field("profile_id", .uuid).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ZRMAssessment.schema).deleteField("profile_id").update()
        try await database.schema(ZRMProfile.schema).delete()
        try await database.schema(ZRMProfileSet.schema).delete()
    }
}
