import Foundation
import Testing
@testable import WijknetCore

/// The case-history file (issue 11): the live flow's rules, with the past's dates.
@Suite struct CaseHistoryFileTests {
    let area = UUID(), network = UUID(), district = UUID(), coach = UUID()
    let partner = UUID(), outside = UUID(), welfare = UUID(), product = UUID()
    let today = CalendarDate(year: 2026, month: 1, day: 15)!

    var references: CaseHistoryFile.References {
        CaseHistoryFile.References(
            products: ["02a01": (product, .wmo)],
            organisations: ["partner": (partner, .wmoCare), "buiten": (outside, .wmoCare), "welzijn": (welfare, .welfare)],
            districts: ["WK020201": .init(id: district, area: area, network: network)],
            memberships: [MembershipPeriod(organisationID: partner, networkID: network, ring: .core,
                                           start: CalendarDate(year: 2025, month: 2, day: 1)!, end: nil)],
            reasons: OutsideReasonOption.defaults, coaches: [:], importer: (coach, area))
    }

    func request(_ changes: [String: Any] = [:]) -> [String: Any] {
        var r: [String: Any] = [
            "sourceId": "OUD-1", "districtCode": "wk020201", "resident": ["bsn": "999990019"],
            "intakeDate": "2025-03-03", "law": "wmo", "lifeDomains": ["finances"],
            "route": "meeting", "meetingDate": "2025-03-11", "decisionDate": "2025-03-11",
            "outcomes": [["kind": "indicatedCare", "organisation": "Buiten"]],
            "assignments": [["law": "wmo", "productCode": "02A01", "provider": "buiten", "hoursPerWeek": 3, "start": "2025-03-20", "kind": "eerste"],
                            ["law": "wmo", "productCode": "02A01", "provider": "buiten", "hoursPerWeek": 2, "start": "2025-09-20", "kind": "verlenging", "previous": 0]],
        ]
        for (key, value) in changes { r[key] = value }
        return r
    }

    func check(_ requests: [[String: Any]]) throws -> (cases: [CaseHistoryFile.Case], problems: [FileProblem]) {
        let data = try JSONSerialization.data(withJSONObject: ["requests": requests])
        return CaseHistoryFile.check(Array(data), references: references, today: today)
    }

    @Test func aRequestIsPlayedThroughTheLifecycleWithItsOwnDates() throws {
        let (cases, problems) = try check([request(["closedOn": "2025-12-01"])])
        #expect(problems.isEmpty, "\(problems)")
        let c = try #require(cases.first)
        #expect(c.status == .closed && c.version == 6, "route, decision, two assignments, close")
        #expect(c.decision?.outcomes.first?.insideNetwork == false && c.decision?.outcomes.first?.outsideReason == nil, "a missing reason is allowed in history")
        #expect(c.assignments[1].valid.draft.previousAssignmentID == c.assignments[0].id)
    }

    @Test func datesMustFollowEachOtherAndTheLiveOrder() throws {
        let fields = { (changes: [String: Any]) in try self.check([self.request(changes)]).problems.map(\.column) }
        #expect(try fields(["meetingDate": "2025-03-01"]) == ["meetingDate"])
        #expect(try fields(["decisionDate": "2025-03-10"]) == ["decisionDate"])
        #expect(try fields(["intakeDate": "2026-02-01", "meetingDate": "2026-02-02", "decisionDate": "2026-02-02"]).contains("intakeDate"))
        #expect(try fields(["route": NSNull(), "meetingDate": NSNull()]) == ["decisionDate"], "a decision needs a route first")
        #expect(try fields(["decisionDate": NSNull(), "outcomes": []]).contains("assignments[0].start"), "support needs a decision first")
        #expect(try fields(["closedOn": "2025-03-01"]) == ["closedOn"])
    }

    @Test func referencesAndRepeatsAreProblemsOfTheirOwnRequest() throws {
        let (cases, problems) = try check([request(), request(["sourceId": "OUD-1", "districtCode": "WK999999"]),
                                           request(["sourceId": "OUD-3", "assignments": [["law": "wmo", "productCode": "nope", "provider": "buiten", "hoursPerWeek": 3, "start": "2025-03-20"]]])])
        #expect(cases.isEmpty)
        #expect(Set(problems.map { "\($0.line) \($0.column)" }) == ["2 sourceId", "2 districtCode", "3 assignments[0].productCode"])
        #expect(!problems.contains { $0.message.contains("999990019") })
    }

    @Test func aFileThatIsNotTheFormatIsOneClearProblem() {
        let notJSON = CaseHistoryFile.check(Array("requests;bsn".utf8), references: references, today: today)
        #expect(notJSON.problems.count == 1 && notJSON.problems[0].message.contains("geen geldige JSON"))
        let wrongType = CaseHistoryFile.check(Array(#"{"requests":[{"sourceId": 5}]}"#.utf8), references: references, today: today)
        #expect(wrongType.problems.map { "\($0.line) \($0.column)" } == ["1 sourceId"])
    }
}
