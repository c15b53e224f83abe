import Fluent

struct CreateRequests: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SupportRequest.schema)
            .id()
            .field("resident_id", .uuid, .required, .references(Resident.schema, "id"))
            .field("coach_id", .uuid, .required, .references(User.schema, "id"))
            .field("district_id", .uuid, .required, .references(District.schema, "id"))
            .field("area_id", .uuid, .required, .references(Area.schema, "id"))
            .field("network_id", .uuid, .references(Network.schema, "id"))
            .field("intake_date", .string, .required)
            .field("summary", .string, .required)
            .field("law", .string, .required)
            .field("life_domains", .string, .required)
            .field("urgency", .string, .required)
            .field("consent_for_meeting", .bool, .required)
            .field("status", .string, .required)
            .field("route", .string)
            .field("direct_partner_id", .uuid, .references(Organisation.schema, "id"))
            .field("decided_on", .string)
            .field("closed_on", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(Meeting.schema)
            .id()
            .field("network_id", .uuid, .required, .references(Network.schema, "id"))
            .field("date", .string, .required)
            .unique(on: "network_id", "date")
            .create()
        try await database.schema(AgendaItem.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(Meeting.schema, "id"))
            .field("request_id", .uuid, .required, .references(SupportRequest.schema, "id"))
            .field("decision_note", .string)
            .field("decided_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "meeting_id", "request_id")
            .create()
    }

    func revert(on database: Database) async throws {
        for schema in [AgendaItem.schema, Meeting.schema, SupportRequest.schema] {
            try await database.schema(schema).delete()
        }
    }
}
