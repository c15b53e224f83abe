import Foundation

/// What the council's figures need to know of one request, and nothing more: no name, no free
/// text. The store reads these for a scope (municipality, area, network); the figures filter them
/// by law and period.
public struct RequestRecord: Sendable, Equatable {
    public let id: UUID
    public let law: LawScope
    public let intake: CalendarDate
    /// Dates of the network meetings that had the request on their agenda.
    public let meetingDates: [CalendarDate]
    public let decidedOn: CalendarDate?
    public let assignments: [AssignmentRecord]
    public let referrals: [ReferralRecord]

    public init(id: UUID, law: LawScope, intake: CalendarDate, meetingDates: [CalendarDate] = [], decidedOn: CalendarDate? = nil,
                assignments: [AssignmentRecord] = [], referrals: [ReferralRecord] = []) {
        self.id = id
        self.law = law
        self.intake = intake
        self.meetingDates = meetingDates
        self.decidedOn = decidedOn
        self.assignments = assignments
        self.referrals = referrals
    }
}

/// One assignment (toewijzing), as the figures see it.
public struct AssignmentRecord: Sendable, Equatable {
    public let law: Law
    public let kind: AssignmentKind
    public let level: ProductLevel
    public let providerID: UUID
    public let start: CalendarDate
    public let end: CalendarDate?
    public let hoursPerWeek: Double
    /// Derived when the assignment was made (`NetworkPlacement`), never typed in.
    public let insideNetwork: Bool
    /// The code of the reason a first assignment went outside the network.
    public let outsideReason: String?
    /// The day care actually started, as the provider reported it; nil until they do.
    public let careStarted: CalendarDate?

    public init(law: Law, kind: AssignmentKind = .first, level: ProductLevel = .basic, providerID: UUID = UUID(),
                start: CalendarDate, end: CalendarDate? = nil, hoursPerWeek: Double = 3, insideNetwork: Bool,
                outsideReason: String? = nil, careStarted: CalendarDate? = nil) {
        self.law = law
        self.kind = kind
        self.level = level
        self.providerID = providerID
        self.start = start
        self.end = end
        self.hoursPerWeek = hoursPerWeek
        self.insideNetwork = insideNetwork
        self.outsideReason = outsideReason
        self.careStarted = careStarted
    }

    /// When support began for K8: the reported actual start, otherwise the planned start.
    public var supportStart: CalendarDate { careStarted ?? start }
}

/// One welfare referral (toeleiding), as the figures see it.
public struct ReferralRecord: Sendable, Equatable {
    public let partnerID: UUID
    public let date: CalendarDate
    public let status: ReferralStatus

    public init(partnerID: UUID = UUID(), date: CalendarDate, status: ReferralStatus = .started) {
        self.partnerID = partnerID
        self.date = date
        self.status = status
    }

    /// A referral the resident did not take up, or the partner never reached them, is not support
    /// by welfare.
    public var counts: Bool { status.isSupport }
}
