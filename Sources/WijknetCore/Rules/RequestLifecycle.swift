/// Where a support request stands. Every change of status goes through `RequestLifecycle`.
public enum RequestStatus: String, Codable, CaseIterable, Sendable {
    /// Recorded after the keukentafelgesprek; no route chosen yet.
    case registered
    /// Directe route: the coach contacts a partner directly.
    case routed
    /// On the agenda of a wijknetwerkoverleg.
    case inMeeting
    /// Outcomes are recorded; no assignment or referral yet.
    case decided
    /// Support is under way: at least one assignment or welfare referral.
    case inProgress
    case closed

    public var label: String {
        switch self {
        case .registered: "Geregistreerd"
        case .routed: "Directe route"
        case .inMeeting: "Op agenda overleg"
        case .decided: "Besloten"
        case .inProgress: "In uitvoering"
        case .closed: "Afgesloten"
        }
    }

    public var isOpen: Bool { self != .closed }
}

/// Something that happens to a request.
public enum RequestEvent: String, Sendable, CaseIterable {
    case routeDirect
    /// The partner of the direct route declines; the request goes back to the coach.
    case declineDirect
    case routeToMeeting
    case decide
    case startSupport
    case close

    var dutch: String {
        switch self {
        case .routeDirect: "direct routeren"
        case .declineDirect: "als partner afwijzen"
        case .routeToMeeting: "naar het overleg sturen"
        case .decide: "een besluit vastleggen"
        case .startSupport: "een toewijzing of toeleiding vastleggen"
        case .close: "afsluiten"
        }
    }
}

/// The request's state machine: registered → routed | inMeeting → decided → inProgress → closed;
/// a partner that declines a direct route sends the request back to registered.
public enum RequestLifecycle {
    public struct TransitionError: Error, Sendable, Equatable {
        public let from: RequestStatus
        public let event: RequestEvent

        public var message: String {
            "Een verzoek met status '\(from.label)' kun je niet \(event.dutch)."
        }
    }

    public static func next(after status: RequestStatus, on event: RequestEvent) throws(TransitionError) -> RequestStatus {
        switch (status, event) {
        case (.registered, .routeDirect): return .routed
        case (.routed, .declineDirect): return .registered
        case (.registered, .routeToMeeting): return .inMeeting
        // A direct route can still turn out to need the meeting.
        case (.routed, .routeToMeeting): return .inMeeting
        case (.routed, .decide), (.inMeeting, .decide): return .decided
        case (.decided, .startSupport), (.inProgress, .startSupport): return .inProgress
        case (.registered, .close), (.routed, .close), (.inMeeting, .close),
             (.decided, .close), (.inProgress, .close): return .closed
        default: throw TransitionError(from: status, event: event)
        }
    }

    /// The events a user can trigger from a status, for showing only the actions that apply.
    public static func events(from status: RequestStatus) -> [RequestEvent] {
        RequestEvent.allCases.filter { (try? next(after: status, on: $0)) != nil }
    }
}
