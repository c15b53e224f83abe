import Fluent
import Foundation
import WijknetCore

/// One outcome of a decision: own network, welfare, coach support or indicated care.
public final class Outcome: Model, @unchecked Sendable {
    public static let schema = "outcomes"

    @ID public var id: UUID?
    @Parent(key: "request_id") public var request: SupportRequest
    @OptionalParent(key: "agenda_item_id") public var agendaItem: AgendaItem?
    @Field(key: "kind") public var kind: OutcomeKind
    /// Who picks it up (welfare partner or care provider).
    @OptionalParent(key: "organisation_id") public var organisation: Organisation?
    @OptionalField(key: "activity") public var activity: String?
    @OptionalField(key: "note") public var note: String?
    @OptionalField(key: "inside_network") public var insideNetwork: Bool?
    @OptionalField(key: "outside_reason") public var outsideReason: String?
    @OptionalField(key: "outside_reason_text") public var outsideReasonText: String?
    @Field(key: "decided_on") public var decidedOn: String
    @Parent(key: "created_by") public var createdBy: User

    public init() {}

    public init(id: UUID? = nil, requestID: UUID, agendaItemID: UUID?, valid: ValidOutcome, decidedOn: CalendarDate, userID: UUID) {
        self.id = id
        self.$request.id = requestID
        self.$agendaItem.id = agendaItemID
        self.kind = valid.kind
        self.$organisation.id = valid.organisationID
        self.activity = valid.activity
        self.note = valid.note
        self.insideNetwork = valid.insideNetwork
        self.outsideReason = valid.outsideReason?.code
        self.outsideReasonText = valid.outsideReason?.text
        self.decidedOn = decidedOn.description
        self.$createdBy.id = userID
    }
}

/// An assignment (toewijzing) of indicated care to a provider. `insideNetwork` is derived from
/// the provider's membership on the start date when the assignment is made, never typed by hand.
public final class Assignment: Model, @unchecked Sendable {
    public static let schema = "assignments"

    @ID public var id: UUID?
    @Parent(key: "request_id") public var request: SupportRequest
    @Field(key: "law") public var law: Law
    @Parent(key: "product_id") public var product: Product
    @Parent(key: "provider_id") public var provider: Organisation
    @Field(key: "hours_per_week") public var hoursPerWeek: Double
    @Field(key: "start_date") public var start: String
    @OptionalField(key: "end_date") public var end: String?
    @Field(key: "kind") public var kind: AssignmentKind
    @OptionalParent(key: "previous_assignment_id") public var previous: Assignment?
    @Field(key: "inside_network") public var insideNetwork: Bool
    @OptionalField(key: "outside_reason") public var outsideReason: String?
    @OptionalField(key: "outside_reason_text") public var outsideReasonText: String?
    /// The actual days of care, reported by the provider (`RequestService.reportCare`).
    @OptionalField(key: "care_started_on") public var careStartedOn: String?
    @OptionalField(key: "care_ended_on") public var careEndedOn: String?
    @Parent(key: "created_by") public var createdBy: User
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, requestID: UUID, valid: ValidAssignment, userID: UUID) {
        self.id = id
        self.$request.id = requestID
        self.law = valid.draft.law
        self.$product.id = valid.draft.productID
        self.$provider.id = valid.draft.providerID
        self.hoursPerWeek = valid.draft.hoursPerWeek
        self.start = valid.draft.start.description
        self.end = valid.draft.end?.description
        self.kind = valid.draft.kind
        self.$previous.id = valid.draft.previousAssignmentID
        self.insideNetwork = valid.insideNetwork
        self.outsideReason = valid.outsideReason?.code
        self.outsideReasonText = valid.outsideReason?.text
        self.$createdBy.id = userID
    }

    /// What the provider reported so far.
    public var careReport: ValidCareReport {
        ValidCareReport(startedOn: careStartedOn.flatMap(CalendarDate.init), endedOn: careEndedOn.flatMap(CalendarDate.init))
    }
}

/// A welfare referral (toeleiding): a resident led to a welfare activity of a partner.
public final class Referral: Model, @unchecked Sendable {
    public static let schema = "referrals"

    @ID public var id: UUID?
    @Parent(key: "request_id") public var request: SupportRequest
    @Parent(key: "partner_id") public var partner: Organisation
    @Field(key: "activity") public var activity: String
    @Field(key: "date") public var date: String
    @Field(key: "status") public var status: ReferralStatus
    @Parent(key: "created_by") public var createdBy: User
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = nil, requestID: UUID, valid: ValidReferral, userID: UUID) {
        self.id = id
        self.$request.id = requestID
        self.$partner.id = valid.partnerID
        self.activity = valid.activity
        self.date = valid.date.description
        self.status = valid.status
        self.$createdBy.id = userID
    }
}

/// One step in a request's story, for the timeline on the case page: who did what, when.
/// `detail` holds no personal data: it names records and choices, never free text.
public final class CaseEvent: Model, @unchecked Sendable {
    public static let schema = "case_events"

    @ID public var id: UUID?
    @Parent(key: "request_id") public var request: SupportRequest
    @Field(key: "kind") public var kind: String
    @Field(key: "detail") public var detail: String
    @Parent(key: "actor_id") public var actor: User
    @Field(key: "at") public var at: Date

    public init() {}

    public init(id: UUID? = nil, requestID: UUID, kind: CaseEventKind, detail: String, actorID: UUID, at: Date = Date()) {
        self.id = id
        self.$request.id = requestID
        self.kind = kind.rawValue
        self.detail = detail
        self.$actor.id = actorID
        self.at = at
    }
}

public enum CaseEventKind: String, Sendable, CaseIterable {
    case registered, updated, routedDirect, directAccepted, directDeclined, placedOnAgenda, decided, assigned, referred, referralUpdated,
         careStarted, careEnded, closed

    public var label: String {
        switch self {
        case .registered: "Verzoek geregistreerd na keukentafelgesprek"
        case .updated: "Verzoek gewijzigd"
        case .routedDirect: "Directe route gekozen"
        case .directAccepted: "Geaccepteerd door de partner"
        case .directDeclined: "Afgewezen door de partner, terug naar de wijkcoach"
        case .placedOnAgenda: "Op de agenda van het wijknetwerkoverleg gezet"
        case .decided: "Besluit vastgelegd"
        case .assigned: "Toewijzing vastgelegd"
        case .referred: "Toeleiding naar welzijn vastgelegd"
        case .referralUpdated: "Status toeleiding gewijzigd"
        case .careStarted: "Start van de zorg gemeld"
        case .careEnded: "Einde van de zorg gemeld"
        case .closed: "Verzoek afgesloten"
        }
    }
}
