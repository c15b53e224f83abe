import Foundation
import Testing
@testable import WijknetCore

/// Issue 11, point 5: when a reason for care outside the network is asked, and what is accepted.
@Suite struct OutsideReasonRuleTests {
    let options = OutsideReasonOption.defaults + [.init(code: "old", label: "Oude reden", requiresText: false, retired: true)]

    func run(inside: Bool = false, code: String?, text: String? = nil, required: Bool) -> (OutsideReasonChoice?, [String]) {
        var check = Checker()
        let choice = OutsideReasonRule.check(inside: inside, code: code, text: text, options: options, required: required,
                                             field: "r", into: &check)
        do { try check.finish(); return (choice, []) } catch { return (choice, error.errors.map(\.field)) }
    }

    @Test func onlyTheMeetingMustSayWhy() {
        #expect(run(code: nil, required: true).1 == ["r"])
        #expect(run(code: "", required: false) == (nil, []))
        #expect(run(inside: true, code: nil, required: true) == (nil, []))
    }

    @Test func aGivenReasonIsCheckedEvenWhereItIsOptional() {
        #expect(run(code: "nope", required: false).1 == ["r"])
        #expect(run(code: "old", required: false).1 == ["r"])
        #expect(run(code: "other", required: false).1 == ["rText"])
        #expect(run(code: "other", text: "wachtlijst", required: false).0 == OutsideReasonChoice(code: "other", text: "wachtlijst"))
    }

    @Test func codesAreShortLowerCaseAndStable() throws {
        for bad in ["", "a", "Dementie", "-x", "x-", "met spatie", "dé", String(repeating: "a", count: 41)] {
            #expect(throws: ValidationFailure.self) { try OutsideReasonInput(code: bad, label: "L").validate() }
        }
        #expect(try OutsideReasonInput(code: "expertise-dementie", label: " Dementie ").validate()
            == OutsideReasonOption(code: "expertise-dementie", label: "Dementie", requiresText: false))
        let retired = try OutsideReasonChange(retired: true).apply(to: OutsideReasonOption.defaults[0])
        #expect(retired.retired && retired.code == OutsideReasonOption.defaults[0].code && retired.label == OutsideReasonOption.defaults[0].label)
        #expect(throws: ValidationFailure.self) { try OutsideReasonChange(label: "  ").apply(to: OutsideReasonOption.defaults[0]) }
    }

    @Test func anAssignmentTakesTheDecidedReasonOnlyWhenItHasNone() throws {
        let decided = OutsideReasonChoice(code: "no-capacity", text: nil)
        func draft(reason: String?, kind: String = "first") throws -> AssignmentDraft {
            try AssignmentInput(law: "wmo", productId: UUID().uuidString, providerId: UUID().uuidString, hoursPerWeek: 2,
                                startDate: "2026-01-05", kind: kind, previousAssignmentId: UUID().uuidString, outsideReason: reason)
                .validateShape(requestLaw: .wmo)
        }
        #expect(try draft(reason: nil).carrying(decidedReason: decided).outsideReason == "no-capacity")
        #expect(try draft(reason: "resident-choice").carrying(decidedReason: decided).outsideReason == "resident-choice")
        #expect(try draft(reason: nil, kind: "renewal").carrying(decidedReason: decided).outsideReason == nil)
        // A reason retired after the meeting gave it still carries over; chosen anew it is refused.
        let retired = OutsideReasonOption.defaults.map { OutsideReasonOption(code: $0.code, label: $0.label, requiresText: $0.requiresText, retired: $0.code == "no-capacity") }
        let context = AssignmentContext(productLaw: .wmo, providerKind: .wmoCare, providerInside: false, previousLaw: nil)
        #expect(try AssignmentRules.check(try draft(reason: nil).carrying(decidedReason: decided), context: context, reasons: retired).outsideReason?.code == "no-capacity")
        #expect(throws: ValidationFailure.self) { try AssignmentRules.check(try draft(reason: "no-capacity"), context: context, reasons: retired) }
    }

    @Test func k10NamesUnrecordedReasons() {
        var figures = CouncilFigures()
        figures.outsideReasons = [FigureDefinition.unknownReason: 12]
        let line = figures.lines().first { $0.figure == .k10 }
        #expect(line?.part == OutsideReasonOption.notRecordedLabel)
    }
}
