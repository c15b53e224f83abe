import Fluent
import SQLKit

/// A partner's answer to a request routed to it directly: accepted, or declined with a reason.
struct CreateDirectRouteResponses: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(DirectRouteResponse.schema)
            .id()
            .field("request_id", .uuid, .required, .references(SupportRequest.schema, "id"))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("accepted", .bool, .required)
            .field("reason", .string)
            .field("reason_text", .string)
            .field("responded_on", .string, .required)
            .field("responded_by", .uuid, .required, .references(User.schema, "id"))
            .field("created_at", .datetime)
            .create()
        try await database.sql().create(index: "idx_direct_responses_request").on(DirectRouteResponse.schema)
            .column("request_id").column("organisation_id").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(DirectRouteResponse.schema).delete()
    }
}
