import Foundation
import Testing
@testable import WijknetCore

/// The store adds tallies per area, network, period and law to answer the dashboard; these tests
/// hold that adding them gives exactly the figures computed over all records at once.
@Suite struct FigureTallyTests {
    let d = { (s: String) in CalendarDate(s)! }

    /// Random requests over 2024–2026 with every kind of record, reproducible by seed.
    func requests(_ count: Int, seed: UInt64) -> [RequestRecord] {
        var random = SeededRandom(seed: seed)
        let providers = (0..<12).map { _ in UUID() }
        let start = d("2024-01-01")
        func date(after day: CalendarDate, within days: Int) -> CalendarDate { day.adding(days: Int.random(in: 0...days, using: &random)) }
        return (0..<count).map { _ in
            let intake = date(after: start, within: 1000)
            let assignments = (0..<Int.random(in: 0...4, using: &random)).map { _ in
                let begins = date(after: intake, within: 200)
                return AssignmentRecord(law: random.pick(Law.allCases), kind: random.pick(AssignmentKind.allCases),
                                        level: random.pick(ProductLevel.allCases), providerID: random.pick(providers), start: begins,
                                        end: random.chance(0.3) ? nil : date(after: begins, within: 300),
                                        hoursPerWeek: Double(Int.random(in: 1...16, using: &random)) / 2, insideNetwork: random.chance(0.5),
                                        outsideReason: random.chance(0.5) ? random.pick(["no-capacity", "expertise-addiction"]) : nil)
            }
            let referrals = (0..<Int.random(in: 0...2, using: &random)).map { _ in
                ReferralRecord(partnerID: random.pick(providers), date: date(after: intake, within: 60), status: random.pick(ReferralStatus.allCases))
            }
            let meetings = (0..<Int.random(in: 0...2, using: &random)).map { _ in date(after: intake, within: 40) }
            return RequestRecord(id: UUID(), law: random.pick(LawScope.allCases), intake: intake, meetingDates: meetings,
                                 decidedOn: random.chance(0.8) ? date(after: intake, within: 50) : nil,
                                 assignments: assignments, referrals: referrals)
        }
    }

    @Test func talliesOfPartsAddUpToTheTallyOfTheWhole() {
        let all = requests(600, seed: 42)
        let history = requests(60, seed: 7).flatMap(\.assignments)
        let asOf = d("2026-02-15")
        let periods = [ReportingPeriod.quarter(2024, 3)!, .quarter(2025, 4)!, .quarter(2026, 1)!, .year(2025)!]
        for period in periods {
            for law in [nil, Law.wmo, .jeugd] {
                let whole = CouncilFigures.compute(all, history: history, period: period, law: law, asOf: asOf)
                // Five "areas" of unequal size, the history with the first.
                var parts = FigureTally()
                for part in 0..<5 {
                    let slice = all.enumerated().filter { ($0.offset * $0.offset) % 5 == part }.map(\.element)
                    parts = parts + FigureTally(slice, history: part == 0 ? history : [], period: period, law: law, asOf: asOf)
                }
                #expect(parts.figures(asOf: asOf) == whole, "period \(period), law \(String(describing: law))")
            }
        }
    }

    @Test func theMedianFromCountsIsTheMedianOfTheValues() {
        var random = SeededRandom(seed: 3)
        for size in [1, 2, 3, 10, 11, 101] {
            let values = (0..<size).map { _ in Double(Int.random(in: 0...30, using: &random)) }
            let counts = Dictionary(values.map { (Int($0), 1) }, uniquingKeysWith: +)
            #expect(Statistic.median(counts: counts) == Statistic.median(values))
        }
        #expect(Statistic.median(counts: [:]) == Statistic(value: nil, cases: 0))
    }

    @Test func aTallyCountedTodayIsRightOnLaterDaysWhenSupportStarts() {
        let q1 = ReportingPeriod.quarter(2026, 1)!
        let requests = [
            RequestRecord(id: UUID(), law: .wmo, intake: d("2026-01-10"),
                          assignments: [AssignmentRecord(law: .wmo, start: d("2026-03-01"), insideNetwork: true)]),
            RequestRecord(id: UUID(), law: .wmo, intake: d("2026-02-10"), referrals: [ReferralRecord(date: d("2026-04-20"))]),
            RequestRecord(id: UUID(), law: .wmo, intake: d("2026-03-10"),
                          assignments: [AssignmentRecord(law: .wmo, start: d("2026-04-02"), insideNetwork: false)]),
        ]
        // Counted on 31 March: one request had support (50 days), two start later.
        let counted = FigureTally(requests, period: q1, law: nil, asOf: d("2026-03-31"))
        #expect(counted.daysToSupport == [50: 1])
        #expect(counted.startsLater == ["2026-04-02": [23: 1], "2026-04-20": [69: 1]])
        // Read on later days, it gives what counting on those days gives.
        for day in ["2026-03-31", "2026-04-01", "2026-04-02", "2026-04-19", "2026-04-20", "2026-06-30"].map(d) {
            #expect(counted.figures(asOf: day) == CouncilFigures.compute(requests, period: q1, law: nil, asOf: day), "\(day)")
        }
        #expect(counted.figures(asOf: d("2026-04-02")).daysToSupport == Statistic(value: (23 + 50) / 2, cases: 2))
    }

    @Test func aTallySurvivesItsJSON() throws {
        let tally = FigureTally(requests(50, seed: 9), period: .year(2025)!, law: nil, asOf: d("2026-01-01"))
        let decoded = try JSONDecoder().decode(FigureTally.self, from: JSONEncoder().encode(tally))
        #expect(decoded == tally)
    }
}
