import Foundation
import Testing
@testable import WijknetCore

/// What a partner reports on its own part (issue 15): the actual days of care, the answer to a
/// direct route, a referral's result; and how K8 reads the reported start.
@Suite struct PartnerReportTests {
    let intake = CalendarDate("2026-10-01")!
    let today = CalendarDate("2026-11-20")!
    let nothing = ValidCareReport(startedOn: nil, endedOn: nil)

    @Test func aStartAndLaterAnEndAreReported() throws {
        let started = try CareReportInput(careStartedOn: "2026-10-12").validate(reported: nothing, intake: intake, today: today)
        #expect(started == ValidCareReport(startedOn: CalendarDate("2026-10-12"), endedOn: nil))
        // The end alone keeps the start reported before.
        let ended = try CareReportInput(careEndedOn: "2026-11-19").validate(reported: started, intake: intake, today: today)
        #expect(ended == ValidCareReport(startedOn: CalendarDate("2026-10-12"), endedOn: CalendarDate("2026-11-19")))
    }

    @Test func impossibleDaysAreRefusedWithTheirField() {
        func fields(_ input: CareReportInput, reported: ValidCareReport? = nil) -> [String] {
            do {
                _ = try input.validate(reported: reported ?? nothing, intake: intake, today: today)
                return []
            } catch { return error.errors.map(\.field) }
        }
        #expect(fields(CareReportInput()) == ["careStartedOn"], "nothing reported")
        #expect(fields(CareReportInput(careStartedOn: "2026-11-21")) == ["careStartedOn"], "in the future")
        #expect(fields(CareReportInput(careStartedOn: "2026-09-30")) == ["careStartedOn"], "before the intake")
        #expect(fields(CareReportInput(careEndedOn: "2026-11-01")) == ["careEndedOn"], "an end without a start")
        #expect(fields(CareReportInput(careStartedOn: "2026-11-10", careEndedOn: "2026-11-09")) == ["careEndedOn"], "end before start")
        #expect(fields(CareReportInput(careStartedOn: "2026-11-10"), reported: ValidCareReport(startedOn: CalendarDate("2026-10-12"), endedOn: CalendarDate("2026-11-01")))
                == ["careStartedOn"], "a corrected start after the reported end")
        #expect(fields(CareReportInput(careStartedOn: "12-10-2026")) == ["careStartedOn"], "not a calendar date")
    }

    @Test func aDeclineNeedsAReasonAndOtherNeedsText() throws {
        #expect(try DirectResponseInput(accepted: true).validate() == .accept)
        #expect(try DirectResponseInput(accepted: false, reason: "noCapacity").validate() == .decline(.noCapacity, text: nil))
        #expect(try DirectResponseInput(accepted: false, reason: "other", reasonText: " Verhuisd ").validate() == .decline(.other, text: "Verhuisd"))
        for input in [DirectResponseInput(), DirectResponseInput(accepted: false), DirectResponseInput(accepted: false, reason: "maybe"),
                      DirectResponseInput(accepted: false, reason: "other")] {
            #expect(throws: ValidationFailure.self) { try input.validate() }
        }
    }

    @Test func aDeclineSendsTheDirectRouteBackToRegistered() throws {
        #expect(try RequestLifecycle.next(after: .routed, on: .declineDirect) == .registered)
        #expect(throws: RequestLifecycle.TransitionError.self) { try RequestLifecycle.next(after: .inMeeting, on: .declineDirect) }
    }

    @Test func onlyAnInvolvedPartnerReports() {
        let org = UUID(), area = UUID()
        let facts = CaseFacts(areaID: area, involvements: [Involvement(org, until: nil)])
        func actor(_ role: Role, org: UUID? = nil) -> Actor { Actor(userID: UUID(), username: "x", role: role, organisationID: org, areaID: area) }
        #expect(CasePolicy.allows(actor(.partner, org: org), .report, facts))
        #expect(!CasePolicy.allows(actor(.partner, org: UUID()), .report, facts))
        for role in [Role.coach, .chair, .analyst, .council, .admin, .auditor] {
            #expect(!CasePolicy.allows(actor(role, org: org), .report, facts), "\(role)")
        }
    }

    @Test func k8UsesTheReportedStartOtherwiseThePlannedOne() {
        let period = ReportingPeriod.quarter(2026, 4)!
        let planned = AssignmentRecord(law: .wmo, start: CalendarDate("2026-10-11")!, insideNetwork: true)
        let reported = AssignmentRecord(law: .wmo, start: CalendarDate("2026-10-11")!, insideNetwork: true, careStarted: CalendarDate("2026-10-21"))
        func k8(_ a: AssignmentRecord) -> Statistic {
            CouncilFigures.compute([RequestRecord(id: UUID(), law: .wmo, intake: intake, assignments: [a])], period: period, law: nil,
                                   asOf: today).daysToSupport
        }
        #expect(k8(planned) == Statistic(value: 10, cases: 1))
        #expect(k8(reported) == Statistic(value: 20, cases: 1))
    }

    @Test func aResidentNotReachedIsNoSupportByWelfare() {
        #expect(!ReferralRecord(date: intake, status: .notReached).counts)
        #expect(ReferralRecord(date: intake, status: .completed).counts)
        #expect(ReferralStatus.partnerResults == [.started, .notReached, .completed])
    }
}
