import Foundation

/// The council's figures for one period as sums that add up: the tally of two sets of requests
/// with none in common, added, is the tally of both together. The store keeps one per area,
/// network, period and law, current on every write, so a dashboard for the whole country adds a
/// few thousand of these instead of reading millions of records (docs/performance.md).
/// `figures(asOf:)` turns a tally into `CouncilFigures`; `CouncilFigures.compute` counts through
/// here too. The store keeps tallies as JSON: a change to the fields below needs a migration that
/// marks every area stale (`UPDATE figure_areas SET stale = true`), so they are counted anew.
public struct FigureTally: Sendable, Equatable, Codable {
    /// K1–K3.
    public var discussed = 0
    public var discussedWithCareInside = 0
    public var discussedWithWelfare = 0
    /// K4 and K5 per law (raw value as key, so the JSON the store keeps is a plain object).
    public var active: [String: Ratio] = [:]
    public var newFirst: [String: Ratio] = [:]
    /// K6.
    public var hoursInside = Sum()
    public var hoursOutside = Sum()
    /// K7.
    public var specialistInside = Ratio.empty
    public var specialistOutside = Ratio.empty
    /// K8: how many requests waited each number of days; a median is exact from this.
    public var daysToSupport: [Int: Int] = [:]
    /// K8 for support that had not started on the day of counting: per start day (`2026-04-02`),
    /// the same counts. `figures(asOf:)` adds those started by then, so a tally counted today stays
    /// right on every later day.
    public var startsLater: [String: [Int: Int]] = [:]
    /// K9.
    public var organisations = Sum()
    /// K10.
    public var outsideReasons: [String: Int] = [:]

    /// A total and how many values went into it: the makings of a mean.
    public struct Sum: Sendable, Equatable, Codable {
        public var total: Double = 0
        public var count = 0

        public init() {}

        mutating func add(_ value: Double) {
            total += value
            count += 1
        }

        static func + (a: Sum, b: Sum) -> Sum {
            var sum = a
            sum.total += b.total
            sum.count += b.count
            return sum
        }

        var mean: Statistic { Statistic(value: count == 0 ? nil : total / Double(count), cases: count) }
    }

    public init() {}

    /// Counts `requests` and the imported `history` for one period and law (nil: both), as
    /// `CouncilFigures.compute` describes; `behind` hears which requests each figure counts.
    public init(_ requests: [RequestRecord], history: [AssignmentRecord] = [], period: ReportingPeriod, law: Law?, asOf: CalendarDate,
                behind: ((FigureDefinition, RequestRecord) -> Void)? = nil) {
        let laws = law.map { [$0] } ?? Law.allCases
        for law in laws {
            active[law.rawValue] = .empty
            newFirst[law.rawValue] = .empty
        }

        /// Counts one assignment in K4–K7; `request` is nil for an imported one.
        func count(_ assignment: AssignmentRecord, of request: RequestRecord?) {
            guard laws.contains(assignment.law) else { return }
            func note(_ figure: FigureDefinition) { if let request { behind?(figure, request) } }
            if period.overlaps(start: assignment.start, end: assignment.end) {
                note(.k4)
                note(.k6)
                active[assignment.law.rawValue]!.count(assignment.insideNetwork)
                if assignment.insideNetwork { hoursInside.add(assignment.hoursPerWeek) } else { hoursOutside.add(assignment.hoursPerWeek) }
                if assignment.level != .other {
                    note(.k7)
                    let specialist = assignment.level == .specialist
                    if assignment.insideNetwork { specialistInside.count(specialist) } else { specialistOutside.count(specialist) }
                }
            }
            if assignment.kind == .first && period.contains(assignment.start) {
                note(.k5)
                newFirst[assignment.law.rawValue]!.count(assignment.insideNetwork)
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
                discussed += 1
                for figure in [FigureDefinition.k1, .k2, .k3] { behind?(figure, request) }
                if firsts.contains(where: \.insideNetwork) { discussedWithCareInside += 1 }
                if !referrals.isEmpty { discussedWithWelfare += 1 }
            }
            if period.contains(request.intake) {
                let starts = firsts.map(\.supportStart) + referrals.map(\.date)
                if let start = starts.min() {
                    let days = request.intake.days(until: start)
                    if start <= asOf {
                        behind?(.k8, request)
                        daysToSupport[days, default: 0] += 1
                    } else {
                        startsLater[start.description, default: [:]][days, default: 0] += 1
                    }
                }
                // Every hand-over counts, also a referral the resident did not take up.
                let reached = Set(request.assignments.map(\.providerID)).union(request.referrals.map(\.partnerID))
                organisations.add(Double(reached.count))
                behind?(.k9, request)
            }
            if let decided = request.decidedOn, period.contains(decided) {
                let reasons = Set(firsts.filter { !$0.insideNetwork }.map { $0.outsideReason ?? FigureDefinition.unknownReason })
                for reason in reasons { outsideReasons[reason, default: 0] += 1 }
                if !reasons.isEmpty { behind?(.k10, request) }
            }
        }
    }

    /// Adds the tally of requests that `other` counted and this one did not.
    public static func + (a: FigureTally, b: FigureTally) -> FigureTally {
        var sum = a
        sum.discussed += b.discussed
        sum.discussedWithCareInside += b.discussedWithCareInside
        sum.discussedWithWelfare += b.discussedWithWelfare
        sum.active.merge(b.active, uniquingKeysWith: +)
        sum.newFirst.merge(b.newFirst, uniquingKeysWith: +)
        sum.hoursInside = a.hoursInside + b.hoursInside
        sum.hoursOutside = a.hoursOutside + b.hoursOutside
        sum.specialistInside = a.specialistInside + b.specialistInside
        sum.specialistOutside = a.specialistOutside + b.specialistOutside
        sum.daysToSupport.merge(b.daysToSupport, uniquingKeysWith: +)
        sum.organisations = a.organisations + b.organisations
        sum.outsideReasons.merge(b.outsideReasons, uniquingKeysWith: +)
        sum.startsLater.merge(b.startsLater) { $0.merging($1, uniquingKeysWith: +) }
        return sum
    }

    /// The figures this tally makes on `asOf` (not before the day it was counted): shares, means
    /// and the median.
    public func figures(asOf: CalendarDate) -> CouncilFigures {
        var figures = CouncilFigures()
        figures.discussedInMeeting = discussed
        figures.discussedWithCareInside = Ratio(part: discussedWithCareInside, base: discussed)
        figures.discussedWithWelfare = Ratio(part: discussedWithWelfare, base: discussed)
        for (law, ratio) in active { if let law = Law(rawValue: law) { figures.activeInside[law] = ratio } }
        for (law, ratio) in newFirst { if let law = Law(rawValue: law) { figures.newFirstInside[law] = ratio } }
        figures.hoursInside = hoursInside.mean
        figures.hoursOutside = hoursOutside.mean
        figures.specialistInside = specialistInside
        figures.specialistOutside = specialistOutside
        var days = daysToSupport
        for (start, counts) in startsLater where CalendarDate(start).map({ $0 <= asOf }) ?? false {
            days.merge(counts, uniquingKeysWith: +)
        }
        figures.daysToSupport = .median(counts: days)
        figures.organisationsPerRequest = organisations.mean
        figures.outsideReasons = outsideReasons
        return figures
    }
}

extension Ratio {
    static func + (a: Ratio, b: Ratio) -> Ratio { Ratio(part: a.part + b.part, base: a.base + b.base) }
}
