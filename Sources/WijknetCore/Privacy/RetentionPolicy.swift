/// How long a resident's file is kept after the support ended, per law, before Wijknet anonymises
/// it (`wijknet retention`). The defaults follow the Dutch retention rules; a municipality sets its
/// own from its archive's selection list (docs/security.md names the sources).
public struct RetentionPolicy: Sendable, Equatable {
    /// A request with indicated care under the Wmo 2015: 15 years after the support ended
    /// (Selectielijst gemeentelijke organen 2020, result 3.1.5, a term set by law).
    public var wmoYears: Int
    /// A request with youth care under the Jeugdwet: 20 years after the care ended (Jeugdwet art. 7.3.8).
    public var jeugdYears: Int
    /// A request that ended without indicated care (own network, welfare, coach): 5 years
    /// (Selectielijst 2020, result 3.2: a plan that led to no provision).
    public var withoutCareYears: Int

    public init(wmoYears: Int, jeugdYears: Int, withoutCareYears: Int) {
        self.wmoYears = wmoYears
        self.jeugdYears = jeugdYears
        self.withoutCareYears = withoutCareYears
    }

    public static let standard = RetentionPolicy(wmoYears: 15, jeugdYears: 20, withoutCareYears: 5)

    /// The first day on which the request may be anonymised; nil while it must be kept without end
    /// in sight: the request is still open, or care runs without an end date.
    public func erasableFrom(_ request: RetentionFacts) -> CalendarDate? {
        guard let closed = request.closedOn else { return nil }
        var ended = closed
        for assignment in request.assignments {
            guard let end = assignment.end else { return nil }
            ended = max(ended, end)
        }
        ended = ([ended] + request.referralDates).max()!
        let years = request.assignments.isEmpty ? withoutCareYears
            : request.assignments.map { $0.law == .jeugd ? jeugdYears : wmoYears }.max()!
        return ended.adding(years: years)
    }

    /// The first day on which all of a resident's requests may be anonymised; a resident without
    /// requests counts from the day they were registered, as a request without care.
    public func erasableFrom(requests: [RetentionFacts], registered: CalendarDate) -> CalendarDate? {
        guard !requests.isEmpty else { return registered.adding(years: withoutCareYears) }
        var latest = registered
        for request in requests {
            guard let date = erasableFrom(request) else { return nil }
            latest = max(latest, date)
        }
        return latest
    }
}

/// What retention needs to know of one request.
public struct RetentionFacts: Sendable, Equatable {
    /// One assignment: its law decides the term, its end when the term starts.
    public struct Care: Sendable, Equatable {
        public let law: Law
        public let end: CalendarDate?

        public init(law: Law, end: CalendarDate?) {
            self.law = law
            self.end = end
        }
    }

    public let closedOn: CalendarDate?
    public let assignments: [Care]
    public let referralDates: [CalendarDate]

    public init(closedOn: CalendarDate?, assignments: [Care], referralDates: [CalendarDate] = []) {
        self.closedOn = closedOn
        self.assignments = assignments
        self.referralDates = referralDates
    }
}

public extension CalendarDate {
    /// The same day `years` later; 29 February becomes 28 February in a year without it.
    func adding(years: Int) -> CalendarDate {
        CalendarDate(year: year + years, month: month, day: day)
            ?? CalendarDate(year: year + years, month: month, day: day - 1)!
    }
}
