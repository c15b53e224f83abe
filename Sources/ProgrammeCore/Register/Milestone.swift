import WijknetCore

/// A milestone's state as staff report it and as the letter shows it.
public enum MilestoneState: String, CaseIterable, Codable, Sendable {
    case onSchedule
    case atRisk
    case late
    case done

    public var dutch: String {
        switch self {
        case .onSchedule: "Op schema"
        case .atRisk: "Risico op vertraging"
        case .late: "Te laat"
        case .done: "Gereed"
        }
    }
}

/// A milestone of an initiative: what should be reached when, and whether it was.
public struct Milestone: Hashable, Sendable {
    public var title: String
    public var planned: PlannedMoment
    /// The day it was reached; set exactly when the milestone is done.
    public var reached: CalendarDate?
    /// What staff reported last: on schedule, at risk or late (`done` follows from `reached`).
    public var reported: MilestoneState
    /// Why it is late; required once it is.
    public var lateReason: String?

    public init(title: String, planned: PlannedMoment, reached: CalendarDate? = nil, reported: MilestoneState = .onSchedule, lateReason: String? = nil) {
        self.title = title
        self.planned = planned
        self.reached = reached
        self.reported = reported
        self.lateReason = lateReason
    }

    /// The state on `day`: done from the day it was reached; late once its deadline passed
    /// unreached, whatever was reported (a report does not stop the calendar); otherwise as reported.
    public func state(on day: CalendarDate) -> MilestoneState {
        if let reached, reached <= day { return .done }
        if day > planned.deadline { return .late }
        return reported == .done ? .onSchedule : reported
    }

    /// Reached on time, or reached late: for the letter's "behaald" and "te laat behaald".
    public var reachedLate: Bool { reached.map { $0 > planned.deadline } ?? false }
}
