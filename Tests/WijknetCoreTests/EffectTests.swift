import Foundation
import Testing
@testable import WijknetCore

@Suite struct EffectTests {
    let network = UUID()

    @Test func aRequestIsInsideOutsideOrLeftOut() {
        #expect(EffectGroup.of(network: network, firstAssignmentsInside: [true], hasWelfare: false) == .network(network))
        #expect(EffectGroup.of(network: network, firstAssignmentsInside: [true, false], hasWelfare: true) == .outside)
        #expect(EffectGroup.of(network: network, firstAssignmentsInside: [], hasWelfare: true) == .network(network))
        #expect(EffectGroup.of(network: network, firstAssignmentsInside: [], hasWelfare: false) == nil, "no support: nothing to compare")
        #expect(EffectGroup.of(network: nil, firstAssignmentsInside: [false], hasWelfare: false) == .outside)
    }

    @Test func theChangeIsTheMeanOfAfterMinusBeforeOverPairs() {
        let inside = (0..<10).map { n in EffectPair(group: .network(network), item: "finances", before: 2, after: n < 6 ? 4 : 3) }
        let outside = (0..<4).map { _ in EffectPair(group: .outside, item: "finances", before: 2, after: 3) }
        let changes = EffectChange.of(inside + outside)
        let mine = changes.first { $0.group == .network(network) }
        #expect(mine?.pairs == .shown(10) && mine?.before == .shown(2) && mine?.after == .shown(3.6))
        #expect(abs((mine?.change.value ?? 0) - 1.6) < 1e-9)
        let other = changes.first { $0.group == .outside }
        #expect(other?.pairs == .suppressed && other?.change == .suppressed, "four pairs")
    }

    @Test func everyQuestionNeedsAScoreAndTheDateIsNotInTheFuture() {
        let today = CalendarDate("2026-03-01")!
        let all = Dictionary(uniqueKeysWithValues: ResidentQuestion.allCases.map { ($0.rawValue, "3") })
        #expect((try? EffectMeasurementInput(moment: "intake", date: "2026-02-01", scores: all).validate(.questionnaire, today: today))?.scores.count == 5)
        do {
            var some = all
            some["health"] = "0"
            _ = try EffectMeasurementInput(moment: "later", date: "2026-04-01", scores: some).validate(.questionnaire, today: today)
            Issue.record("accepted")
        } catch {
            #expect(error.errors.map(\.field) == ["moment", "date", "scores.health"])
        }
    }
}
