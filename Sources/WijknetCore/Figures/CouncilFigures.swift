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
        var figures = CouncilFigures()
        func behind(_ figure: FigureDefinition, _ request: RequestRecord) {
            if collectRequests { figures.requestsBehind[figure, default: []].insert(request.id) }
        }
        let laws = law.map { [$0] } ?? Law.allCases
        for law in laws {
            figures.activeInside[law] = .empty
            figures.newFirstInside[law] = .empty
        }
        var hoursInside: [Double] = [], hoursOutside: [Double] = [], days: [Double] = [], organisations: [Double] = []

        /// Counts one assignment in K4–K7; `request` is nil for an imported one.
        func count(_ assignment: AssignmentRecord, of request: RequestRecord?) {
            guard laws.contains(assignment.law) else { return }
            func note(_ figure: FigureDefinition) { if let request { behind(figure, request) } }
            if period.overlaps(start: assignment.start, end: assignment.end) {
                note(.k4)
                note(.k6)
                figures.activeInside[assignment.law]!.count(assignment.insideNetwork)
                if assignment.insideNetwork { hoursInside.append(assignment.hoursPerWeek) } else { hoursOutside.append(assignment.hoursPerWeek) }
                if assignment.level != .other {
                    note(.k7)
                    let specialist = assignment.level == .specialist
                    if assignment.insideNetwork { figures.specialistInside.count(specialist) } else { figures.specialistOutside.count(specialist) }
                }
            }
            if assignment.kind == .first && period.contains(assignment.start) {
                note(.k5)
                figures.newFirstInside[assignment.law]!.count(assignment.insideNetwork)
            }
        }
        for assignment in history { count(assignment, of: nil) }

        for request in requests {
            // Assignment figures: every assignment of the law, whatever the request's scope.
            for assignment in request.assignments { count(assignment, of: request) }

            // Request figures: requests that concern the law.
            guard law.map(request.law.includes) ?? true else { continue }
            let firsts = request.assignments.filter { $0.kind == .first && laws.contains($0.law) }
            let referrals = request.referrals.filter(\.counts)
            if request.meetingDates.contains(where: period.contains) {
                figures.discussedInMeeting += 1
                for figure in [FigureDefinition.k1, .k2, .k3] { behind(figure, request) }
                figures.discussedWithCareInside.count(firsts.contains(where: \.insideNetwork))
                figures.discussedWithWelfare.count(!referrals.isEmpty)
            }
            if period.contains(request.intake) {
                let starts = firsts.map(\.start) + referrals.map(\.date)
                if let start = starts.min(), start <= asOf {
                    behind(.k8, request)
                    days.append(Double(request.intake.days(until: start)))
                }
                // Every hand-over counts, also a referral the resident did not take up.
                let reached = Set(request.assignments.map(\.providerID)).union(request.referrals.map(\.partnerID))
                organisations.append(Double(reached.count))
                behind(.k9, request)
            }
            if let decided = request.decidedOn, period.contains(decided) {
                let reasons = Set(firsts.filter { !$0.insideNetwork }.map { $0.outsideReason ?? FigureDefinition.unknownReason })
                for reason in reasons { figures.outsideReasons[reason, default: 0] += 1 }
                if !reasons.isEmpty { behind(.k10, request) }
            }
        }
        figures.hoursInside = .mean(hoursInside)
        figures.hoursOutside = .mean(hoursOutside)
        figures.daysToSupport = .median(days)
        figures.organisationsPerRequest = .mean(organisations)
        return figures
    }
}
