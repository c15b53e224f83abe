import Foundation
import Testing
@testable import WijknetCore

@Suite struct InputValidationTests {
    let today = CalendarDate("2026-03-01")!

    @Test func residentWithInvalidBSNNamesTheField() {
        let input = ResidentInput(givenName: "Anna", familyName: "Jansen", birthDate: "1980-01-01", bsn: "123456789", street: "Markt",
                                  houseNumber: "1", postcode: "6811 AB", city: "Arnhem", districtId: UUID().uuidString)
        #expect(throws: ValidationFailure.self) { try input.validate(today: today) }
        do { _ = try input.validate(today: today) } catch { #expect(error.message(for: "bsn")?.contains("elfproef") == true) }
    }

    @Test func requestSummaryHasALimit() {
        let input = RequestInput(residentId: UUID().uuidString, intakeDate: "2026-02-01", summary: String(repeating: "a", count: 100_000),
                                 law: "wmo", lifeDomains: ["finances"], urgency: "normal")
        do {
            _ = try input.validate(today: today)
            Issue.record("expected a failure")
        } catch {
            #expect(error.message(for: "summary")?.contains("10.000") == true)
        }
    }

    @Test func unknownEnumValueIsNamed() {
        let input = RequestInput(residentId: UUID().uuidString, intakeDate: "2026-02-01", summary: "x", law: "wlz",
                                 lifeDomains: ["finances", "astrology"], urgency: "normal")
        do {
            _ = try input.validate(today: today)
            Issue.record("expected a failure")
        } catch {
            #expect(error.message(for: "law") != nil)
            #expect(error.message(for: "lifeDomains[1]") != nil)
        }
    }

    @Test func assignmentDatesAndHoursAreChecked() {
        let base = AssignmentInput(law: "wmo", productId: UUID().uuidString, providerId: UUID().uuidString, hoursPerWeek: 0,
                                   startDate: "2026-02-01", endDate: "2026-01-01", kind: "first")
        do {
            _ = try base.validateShape(requestLaw: .wmo)
            Issue.record("expected a failure")
        } catch {
            #expect(error.message(for: "hoursPerWeek") != nil)
            #expect(error.message(for: "endDate") != nil)
        }
        var jeugd = base
        jeugd.law = "jeugd"
        jeugd.hoursPerWeek = 2
        jeugd.endDate = nil
        do {
            _ = try jeugd.validateShape(requestLaw: .wmo)
            Issue.record("expected a failure")
        } catch {
            #expect(error.message(for: "law") != nil)
        }
    }


    @Test func calendarDateArithmetic() {
        #expect(CalendarDate("2025-02-29") == nil)
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2025-01-01")!.adding(days: 365).description == "2026-01-01")
        #expect(CalendarDate("2026-11-23")!.isoWeekday == 1)
        #expect(CalendarDate("2026-11-23")!.onOrAfter(weekday: 2).description == "2026-11-24")
    }

    @Test func datesReadAsDutchPeopleWriteThem() {
        #expect(CalendarDate("2026-11-09")!.dutch == "09-11-2026")
        #expect(CalendarDate("2026-11-23")!.dutchWithWeekday == "maandag 23-11-2026")
        #expect(CalendarDate("2026-11-29")!.dutchWithWeekday == "zondag 29-11-2026")
    }
}

@Suite struct SurveyTests {
    let statement = UUID(), open = UUID()

    @Test func everyStatementNeedsAnAnswerOnTheScale() {
        let questions = [(id: statement, kind: SurveyQuestionKind.likert), (id: open, kind: .open)]
        let network = UUID().uuidString
        #expect(throws: ValidationFailure.self) {
            try SurveyResponseInput(networkId: network, answers: [statement.uuidString: "6"]).validate(questions: questions)
        }
        let valid = try? SurveyResponseInput(networkId: network, answers: [statement.uuidString: "4", open.uuidString: "  "]).validate(questions: questions)
        #expect(valid?.likert == [statement: 4] && valid?.open.isEmpty == true)
        do {
            _ = try SurveyResponseInput(answers: [:]).validate(questions: questions)
        } catch {
            #expect(error.errors.map(\.field) == ["networkId", "answers.\(statement.uuidString)"])
        }
    }

    @Test func resultsAreSuppressedBelowTheMinimum() {
        let few = LikertResult.of([4, 5, 3, 4])
        #expect(few.responses == 4 && few.distribution == nil && few.mean == .suppressed)
        let some = LikertResult.of([4, 5, 3, 4, 2])
        // Each point is a count of people: below 5 it is hidden, as every count is.
        #expect(some.distribution == [nil, nil, nil, nil, nil] && some.mean == .suppressed, "a mean needs 10")
        let split = LikertResult.of(Array(repeating: 4, count: 12) + Array(repeating: 5, count: 6) + [2])
        #expect(split.distribution == [nil, nil, nil, 12, nil], "one hidden point never stands alone beside the total")
        let many = LikertResult.of([4, 4, 4, 4, 4, 5, 5, 3, 3, 4])
        #expect(many.mean == .shown(4.0))
    }
}

/// Issue 11, point 6: hours were rounded to quarter hours without a word.
@Suite struct HoursPerWeekTests {
    @Test func whatIsEnteredIsKeptOrRefusedNeverRounded() throws {
        for allowed in [0.01, 0.25, 1.5, 2.3, 12.34, 80] { #expect(HoursPerWeek.problem(allowed) == nil, "\(allowed)") }
        for refused in [0, -1, 80.01, 2.333, .nan, .infinity] { #expect(HoursPerWeek.problem(refused) != nil, "\(refused)") }
        let input = AssignmentInput(law: "wmo", productId: UUID().uuidString, providerId: UUID().uuidString, hoursPerWeek: 2.3,
                                    startDate: "2026-01-05")
        #expect(try input.validateShape(requestLaw: .wmo).hoursPerWeek == 2.3)
        #expect(throws: ValidationFailure.self) {
            try AssignmentInput(law: "wmo", productId: UUID().uuidString, providerId: UUID().uuidString, hoursPerWeek: 2.333,
                                startDate: "2026-01-05").validateShape(requestLaw: .wmo)
        }
    }
}
