import Fluent
import Foundation
import WijknetCore

/// A support request (ondersteuningsvraag, casus). Its status changes only through
/// `RequestLifecycle`, inside the services of this module.
public final class SupportRequest: Model, @unchecked Sendable {
    public static let schema = "support_requests"

    @ID public var id: UUID?
    @Parent(key: "resident_id") public var resident: Resident
    /// The coach who held the keukentafelgesprek and holds the case.
    @Parent(key: "coach_id") public var coach: User
    /// The wijk of the resident at intake; the network follows from it.
    @Parent(key: "district_id") public var district: District
    /// The area of that wijk, kept on the request so access rules and lists filter on an index.
    @Parent(key: "area_id") public var area: Area
    @OptionalParent(key: "network_id") public var network: Network?
    @Field(key: "intake_date") public var intakeDate: String
    /// The request's number in the system before Wijknet, for an imported request (`CaseHistoryImport`).
    @OptionalField(key: "source_id") public var sourceID: String?
    @Field(key: "summary") public var summary: String
    @Field(key: "law") public var law: LawScope
    /// Life domains, joined by `|`.
    @Field(key: "life_domains") public var lifeDomainsText: String
    @Field(key: "urgency") public var urgency: Urgency
    @Field(key: "consent_for_meeting") public var consentForMeeting: Bool
    @Field(key: "status") public var status: RequestStatus
    @OptionalField(key: "route") public var route: Route?
    @OptionalParent(key: "direct_partner_id") public var directPartner: Organisation?
    /// The day of the direct route, for the partner's inbox.
    @OptionalField(key: "routed_on") public var routedOn: String?
    @OptionalField(key: "decided_on") public var decidedOn: String?
    @OptionalField(key: "closed_on") public var closedOn: String?
    /// Raised on every change, so that a save based on an older read is refused (409).
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = nil, valid: ValidRequest, coachID: UUID, districtID: UUID, areaID: UUID, networkID: UUID?) {
        self.id = id
        self.$resident.id = valid.residentID
        self.$coach.id = coachID
        self.$district.id = districtID
        self.$area.id = areaID
        self.$network.id = networkID
        self.intakeDate = valid.intakeDate.description
        self.summary = valid.summary
        self.law = valid.law
        self.lifeDomainsText = valid.lifeDomains.map(\.rawValue).joined(separator: "|")
        self.urgency = valid.urgency
        self.consentForMeeting = valid.consentForMeeting
        self.status = .registered
        self.version = 1
    }

    public var lifeDomains: [LifeDomain] {
        lifeDomainsText.split(separator: "|").compactMap { LifeDomain(rawValue: String($0)) }
    }
}

/// A weekly wijknetwerkoverleg of one network.
public final class Meeting: Model, @unchecked Sendable {
    public static let schema = "meetings"

    @ID public var id: UUID?
    @Parent(key: "network_id") public var network: Network
    @Field(key: "date") public var date: String
    @Children(for: \.$meeting) public var items: [AgendaItem]

    public init() {}

    public init(id: UUID? = nil, networkID: UUID, date: CalendarDate) {
        self.id = id
        self.$network.id = networkID
        self.date = date.description
    }
}

/// A request on a meeting's agenda, and the meeting's decision on it.
public final class AgendaItem: Model, @unchecked Sendable {
    public static let schema = "agenda_items"

    @ID public var id: UUID?
    @Parent(key: "meeting_id") public var meeting: Meeting
    @Parent(key: "request_id") public var request: SupportRequest
    @OptionalField(key: "decision_note") public var decisionNote: String?
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, meetingID: UUID, requestID: UUID) {
        self.id = id
        self.$meeting.id = meetingID
        self.$request.id = requestID
    }
}
