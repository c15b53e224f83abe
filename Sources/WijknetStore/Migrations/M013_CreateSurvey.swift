import Fluent

/// The collaboration survey of the evaluation's track 2.
struct CreateSurvey: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SurveyQuestion.schema)
            .id()
            .field("text", .string, .required)
            .field("kind", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(SurveyRound.schema)
            .id()
            .field("quarter", .string, .required)
            .field("opened_on", .string, .required)
            .field("closed_on", .string)
            .unique(on: "quarter")
            .create()
        try await database.schema(SurveyRoundQuestion.schema)
            .id()
            .field("round_id", .uuid, .required, .references(SurveyRound.schema, "id"))
            .field("question_id", .uuid, .required, .references(SurveyQuestion.schema, "id"))
            .field("position", .int, .required)
            .create()
        try await database.schema(SurveyResponse.schema)
            .id()
            .field("round_id", .uuid, .required, .references(SurveyRound.schema, "id"))
            .field("network_id", .uuid, .required, .references(Network.schema, "id"))
            .field("submitted_on", .string, .required)
            .create()
        try await database.schema(SurveyAnswer.schema)
            .id()
            .field("response_id", .uuid, .required, .references(SurveyResponse.schema, "id"))
            .field("question_id", .uuid, .required, .references(SurveyQuestion.schema, "id"))
            .field("likert", .int)
            .field("text", .string)
            .create()
        try await database.schema(SurveyParticipation.schema)
            .id()
            .field("round_id", .uuid, .required, .references(SurveyRound.schema, "id"))
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .unique(on: "round_id", "user_id")
            .create()
    }

    func revert(on database: Database) async throws {
        for schema in [SurveyParticipation.schema, SurveyAnswer.schema, SurveyResponse.schema, SurveyRoundQuestion.schema,
                       SurveyRound.schema, SurveyQuestion.schema] {
            try await database.schema(schema).delete()
        }
    }
}
