import Foundation

/// The council's figures K1–K10 (domain.md) for one scope, law and period, computed from the
/// records and kept raw (numerators, denominators, number of cases) so that disclosure control
/// and the definitions page can see what each rests on. `FigureDefinition` words them in Dutch.
public struct CouncilFigures: Sendable, Equatable {
    /// K1: requests with an agenda item in a network meeting held in P.
    public var discussedInMeeting = 0
    /// K2: of the K1 requests, those with a first assignment inside the network.
    public var discussedWithCareInside = Ratio.empty
    /// K3: of the K1 requests, those with a welfare referral.
    public var discussedWithWelfare = Ratio.empty
    /// K4: of the assignments active in P, the share inside the network, per law.
    public var activeInside: [Law: Ratio] = [:]
    /// K5: of the first assignments starting in P, the share inside the network, per law.
    public var newFirstInside: [Law: Ratio] = [:]
    /// K6: mean hours per week of the assignments active in P.
    public var hoursInside = Statistic(value: nil, cases: 0)
    public var hoursOutside = Statistic(value: nil, cases: 0)
    /// K7: of the support assignments (basic and specialist) active in P, the share specialist.
    public var specialistInside = Ratio.empty
    public var specialistOutside = Ratio.empty
    /// K8: median days from intake to the start of the first support, requests with intake in P.
    public var daysToSupport = Statistic(value: nil, cases: 0)
    /// K9: mean number of organisations that received the request, requests with intake in P.
    public var organisationsPerRequest = Statistic(value: nil, cases: 0)
    /// K10: requests decided in P with a first assignment outside the network, per reason code.
    public var outsideReasons: [String: Int] = [:]
    /// Per figure, the requests it counts (its base), when asked for: the drill-down.
    public var requestsBehind: [FigureDefinition: Set<UUID>] = [:]

    public init() {}

    /// - Parameters:
    ///   - requests: the requests of the scope (municipality, area or network).
    ///   - law: nil for Wmo and Jeugd together. Requests count when they concern the law;
    ///     assignments when they are of it.
    ///   - asOf: support starting after this day has not started yet (K8).
    ///   - history: assignments imported from the system before Wijknet; they count in K4–K7.
    ///   - collectRequests: fill `requestsBehind`, for a drill-down (costs memory at scale).
    public static func compute(_ requests: [RequestRecord], history: [AssignmentRecord] = [], period: ReportingPeriod, law: Law?,
                               asOf: CalendarDate, collectRequests: Bool = false) -> CouncilFigures {
        var behind: [FigureDefinition: Set<UUID>] = [:]
        let tally = FigureTally(requests, history: history, period: period, law: law, asOf: asOf,
                                behind: collectRequests ? { figure, request in behind[figure, default: []].insert(request.id) } : nil)
        var figures = tally.figures(asOf: asOf)
        figures.requestsBehind = behind
        return figures
    }
}
