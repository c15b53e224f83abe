import Fluent
import Foundation
import WijknetCore

/// A partner's answer to a request routed directly to its organisation. A decline sends the
/// request back to the coach; the answer stays, for the case's story.
public final class DirectRouteResponse: Model, @unchecked Sendable {
    public static let schema = "direct_route_responses"

    @ID public var id: UUID?
    @Parent(key: "request_id") public var request: SupportRequest
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "accepted") public var accepted: Bool
    @OptionalField(key: "reason") public var reason: DeclineReason?
    @OptionalField(key: "reason_text") public var reasonText: String?
    @Field(key: "responded_on") public var respondedOn: String
    @Parent(key: "responded_by") public var respondedBy: User
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(requestID: UUID, organisationID: UUID, response: DirectResponse, on day: CalendarDate, userID: UUID) {
        self.$request.id = requestID
        self.$organisation.id = organisationID
        switch response {
        case .accept:
            accepted = true
        case .decline(let reason, let text):
            accepted = false
            self.reason = reason
            reasonText = text
        }
        respondedOn = day.description
        self.$respondedBy.id = userID
    }
}
