import Foundation
import Testing
@testable import WijknetCore

/// K1–K10 on small hand-made data, each expected value worked out in the comment beside it.
@Suite struct CouncilFiguresTests {
    let d = { (s: String) in CalendarDate(s)! }
    let q1 = ReportingPeriod.quarter(2025, 1)!
    let q2 = ReportingPeriod.quarter(2025, 2)!
    let welfare = UUID(), insideProvider = UUID(), outsideProvider = UUID(), joinsInMay = UUID()

    /// Five requests, chosen to hit the edges the issue names.
    var requests: [RequestRecord] {
        [
            // A: discussed 2025-02-10, both welfare and care inside; intake 2025-01-20, care starts 2025-02-20 (31 days).
            RequestRecord(id: UUID(), law: .wmo, intake: d("2025-01-20"), meetingDates: [d("2025-02-10")], decidedOn: d("2025-02-10"),
                          assignments: [AssignmentRecord(law: .wmo, level: .specialist, providerID: insideProvider, start: d("2025-02-20"),
                                                         end: d("2025-05-31"), hoursPerWeek: 4, insideNetwork: true)],
                          referrals: [ReferralRecord(partnerID: welfare, date: d("2025-02-24"))]),
            // B: discussed twice (Q1 and Q2), care outside for lack of capacity; the follow-up is not "first".
            RequestRecord(id: UUID(), law: .both, intake: d("2025-02-01"), meetingDates: [d("2025-03-03"), d("2025-04-07")], decidedOn: d("2025-04-07"),
                          assignments: [
                            AssignmentRecord(law: .jeugd, level: .basic, providerID: outsideProvider, start: d("2025-04-14"), end: d("2025-06-30"),
                                             hoursPerWeek: 6, insideNetwork: false, outsideReason: "no-capacity"),
                            AssignmentRecord(law: .jeugd, kind: .renewal, level: .basic, providerID: outsideProvider, start: d("2025-07-01"),
                                             hoursPerWeek: 6, insideNetwork: false),
                          ]),
            // C: direct route, welfare only; the referral was declined, a second one started 2025-03-20 (intake 2025-03-01: 19 days).
            RequestRecord(id: UUID(), law: .wmo, intake: d("2025-03-01"),
                          referrals: [ReferralRecord(partnerID: welfare, date: d("2025-03-05"), status: .declined),
                                      ReferralRecord(partnerID: UUID(), date: d("2025-03-20"), status: .completed)]),
            // D: a provider that joined the network on 2025-05-01: its March assignment was outside, its May one inside.
            RequestRecord(id: UUID(), law: .wmo, intake: d("2025-03-10"), decidedOn: d("2025-03-12"),
                          assignments: [
                            AssignmentRecord(law: .wmo, level: .basic, providerID: joinsInMay, start: d("2025-03-17"), end: d("2025-04-30"),
                                             hoursPerWeek: 2, insideNetwork: false, outsideReason: "expertise-addiction"),
                            AssignmentRecord(law: .wmo, kind: .change, level: .other, providerID: joinsInMay, start: d("2025-05-01"),
                                             hoursPerWeek: 1, insideNetwork: true),
                          ]),
            // E: intake in Q1, care starts only in the future as seen on 2025-03-31.
            RequestRecord(id: UUID(), law: .jeugd, intake: d("2025-03-25"),
                          assignments: [AssignmentRecord(law: .jeugd, level: .specialist, providerID: insideProvider, start: d("2025-04-15"),
                                                         hoursPerWeek: 5, insideNetwork: true)]),
        ]
    }

    @Test func theDefinitionNamesItsPeriodInWords() {
        #expect(FigureDefinition.k1.definition(period: "3e kwartaal 2026")
                == "Het aantal verschillende verzoeken met een agendapunt in een wijknetwerkoverleg dat in de periode 3e kwartaal 2026 is gehouden.")
        let k4 = FigureDefinition.k4.definition(period: "2025")
        #expect(k4.contains("in de periode 2025 lopen") && k4.contains("laatste dag van de periode,") && !k4.contains(" P"))
    }

    @Test func firstQuarter() {
        let f = CouncilFigures.compute(requests, period: q1, law: nil, asOf: d("2025-03-31"))
        // K1: A (Feb) and B (Mar) were discussed in Q1.
        #expect(f.discussedInMeeting == 2)
        // K2: A has a first assignment inside, B's is outside (and only starts in April).
        #expect(f.discussedWithCareInside == Ratio(part: 1, base: 2))
        // K3: A has a welfare referral, B none.
        #expect(f.discussedWithWelfare == Ratio(part: 1, base: 2))
        // K4: active in Q1: A (inside, Wmo), D's March one (outside, Wmo). Jeugd: none.
        #expect(f.activeInside[.wmo] == Ratio(part: 1, base: 2))
        #expect(f.activeInside[.jeugd] == Ratio(part: 0, base: 0))
        // K5: first assignments starting in Q1: A (inside) and D (outside), both Wmo.
        #expect(f.newFirstInside[.wmo] == Ratio(part: 1, base: 2))
        // K6: inside 4 h (A); outside 2 h (D).
        #expect(f.hoursInside == Statistic(value: 4, cases: 1))
        #expect(f.hoursOutside == Statistic(value: 2, cases: 1))
        // K7: inside A is specialist (1 of 1); outside D is basic (0 of 1).
        #expect(f.specialistInside == Ratio(part: 1, base: 1))
        #expect(f.specialistOutside == Ratio(part: 0, base: 1))
        // K8: A 31 days (assignment 02-20 before referral 02-24), B 72 days (intake 02-01, start 04-14) has
        // not started by 03-31, C 19 days (the declined referral does not count), D 7 days, E not started.
        #expect(f.daysToSupport == Statistic(value: 19, cases: 3))
        // K9: A 2 organisations, B 1, C 2 (the declined referral was a hand-over too), D 1, E 1: 7 / 5.
        #expect(f.organisationsPerRequest == Statistic(value: 7.0 / 5.0, cases: 5))
        // K10: decided in Q1 with a first assignment outside: D (addiction). A is inside; B was decided in Q2.
        #expect(f.outsideReasons == ["expertise-addiction": 1])
    }

    @Test func secondQuarterAndAnAssignmentThatRunsAcrossQuarters() {
        let f = CouncilFigures.compute(requests, period: q2, law: nil, asOf: d("2025-06-30"))
        // K1: only B (its second discussion, 04-07).
        #expect(f.discussedInMeeting == 1)
        #expect(f.discussedWithCareInside == Ratio(part: 0, base: 1))
        // K4: Wmo active in Q2: A (runs Feb–May: counts in Q1 and in Q2), D's March one (ends 04-30),
        // D's May change (inside): 2 of 3. Jeugd: B's first (outside) and E (inside): 1 of 2.
        #expect(f.activeInside[.wmo] == Ratio(part: 2, base: 3))
        #expect(f.activeInside[.jeugd] == Ratio(part: 1, base: 2))
        // K5: first assignments starting in Q2: B (outside) and E (inside), Jeugd; the change and the
        // renewal are follow-ups, not first.
        #expect(f.newFirstInside[.jeugd] == Ratio(part: 1, base: 2))
        #expect(f.newFirstInside[.wmo] == Ratio(part: 0, base: 0))
        // K6: inside A 4, D-change 1, E 5: mean 10/3; outside D 2, B 6: mean 4.
        #expect(f.hoursInside == Statistic(value: 10.0 / 3.0, cases: 3))
        #expect(f.hoursOutside == Statistic(value: 4, cases: 2))
        // K7: support inside A (specialist) and E (specialist), the change is "other": 2 of 2.
        #expect(f.specialistInside == Ratio(part: 2, base: 2))
        // K8, K9: no intake in Q2.
        #expect(f.daysToSupport.cases == 0 && f.organisationsPerRequest.cases == 0)
        // K10: B decided 04-07 with its first assignment outside for lack of capacity.
        #expect(f.outsideReasons == ["no-capacity": 1])
    }

    @Test func aLawFilterCountsRequestsOfThatLawAndAssignmentsUnderIt() {
        let f = CouncilFigures.compute(requests, period: q1, law: .jeugd, asOf: d("2025-03-31"))
        // K1: B concerns Wmo and Jeugd, so it counts; A is Wmo only.
        #expect(f.discussedInMeeting == 1)
        #expect(f.activeInside.keys.sorted() == [.jeugd], "per law: only the law asked for")
        // K8: Jeugd requests with intake in Q1: B and E, neither started by 03-31.
        #expect(f.daysToSupport.cases == 0)
        // K9: B 1 organisation, E 1.
        #expect(f.organisationsPerRequest == Statistic(value: 1, cases: 2))
    }

    @Test func aMeetingRequestWithBothWelfareAndCareCountsInK2AndK3() {
        let f = CouncilFigures.compute(Array(requests.prefix(1)), period: q1, law: .wmo, asOf: d("2025-03-31"))
        #expect(f.discussedWithCareInside == Ratio(part: 1, base: 1))
        #expect(f.discussedWithWelfare == Ratio(part: 1, base: 1))
    }

    @Test func theDrillDownNamesTheRequestsEachFigureCounts() {
        let records = requests
        let f = CouncilFigures.compute(records, period: q1, law: nil, asOf: d("2025-03-31"), collectRequests: true)
        let (a, b, c, d_, e) = (records[0].id, records[1].id, records[2].id, records[3].id, records[4].id)
        #expect(f.requestsBehind[.k1] == [a, b])
        #expect(f.requestsBehind[.k4] == [a, d_])
        #expect(f.requestsBehind[.k8] == [a, c, d_], "started requests only")
        #expect(f.requestsBehind[.k9] == [a, b, c, d_, e])
        #expect(f.requestsBehind[.k10] == [d_])
        #expect(CouncilFigures.compute(records, period: q1, law: nil, asOf: d("2025-03-31")).requestsBehind.isEmpty, "only when asked")
    }

    @Test func aFirstAssignmentOutsideWithoutAReasonIsCountedAsUnknown() {
        let request = RequestRecord(id: UUID(), law: .wmo, intake: d("2025-01-06"), decidedOn: d("2025-01-08"),
                                    assignments: [AssignmentRecord(law: .wmo, start: d("2025-01-13"), insideNetwork: false)])
        let f = CouncilFigures.compute([request], period: q1, law: nil, asOf: d("2025-03-31"))
        #expect(f.outsideReasons == [FigureDefinition.unknownReason: 1])
    }

    @Test func everyFigureHasADutchDefinition() {
        for figure in FigureDefinition.allCases {
            #expect(!figure.title.isEmpty && figure.definition.hasSuffix("."))
        }
        #expect(FigureDefinition.allCases.map(\.code) == (1...10).map { "K\($0)" })
    }
}
