import Fluent
import WijknetStore

/// The programme register: programmes, their opgaven, initiatives and milestones (issue 17).
struct CreateProgrammeRegister: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ProgrammeRecord.schema)
            .id()
            .field("municipality_id", .uuid, .required, .references(Municipality.schema, "id"))
            .field("name", .string, .required)
            .field("first_day", .string, .required)
            .field("last_day", .string, .required)
            .field("owner", .string)
            .create()
        try await database.schema(OpgaveRecord.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(ProgrammeRecord.schema, "id"))
            .field("number", .int, .required)
            .field("name", .string, .required)
            .field("goal", .string, .required)
            .field("portfolio_holder", .string)
            .field("official", .string)
            .field("version", .int, .required)
            .unique(on: "programme_id", "number")
            .create()
        try await database.schema(InitiativeRecord.schema)
            .id()
            .field("opgave_id", .uuid, .required, .references(OpgaveRecord.schema, "id"))
            .field("title", .string, .required)
            .field("owner", .string)
            .field("start_day", .string, .required)
            .field("end_day", .string)
            .field("status", .string, .required)
            .field("links", .string, .required)
            .field("version", .int, .required)
            .create()
        try await database.schema(MilestoneRecord.schema)
            .id()
            .field("initiative_id", .uuid, .required, .references(InitiativeRecord.schema, "id"))
            .field("title", .string, .required)
            .field("planned", .string, .required)
            .field("reached_on", .string)
            .field("reported", .string, .required)
            .field("late_reason", .string)
            .field("version", .int, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        for schema in [MilestoneRecord.schema, InitiativeRecord.schema, OpgaveRecord.schema, ProgrammeRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}
