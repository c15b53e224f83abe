import Testing
@testable import ProgrammeCore
@testable import WijknetCore

/// The one rule that gives an opgave its status (issue 17), with the facts behind it.
@Suite struct ProgressRuleTests {
    let day = CalendarDate("2026-03-31")!

    func milestone(_ title: String, _ planned: String, _ reported: MilestoneState = .onSchedule, reached: String? = nil) -> Milestone {
        Milestone(title: title, planned: PlannedMoment(planned)!, reached: reached.flatMap(CalendarDate.init), reported: reported)
    }

    func indicator(_ direction: IndicatorDirection, _ values: [Int]) -> IndicatorSeries {
        let definition = IndicatorDefinition(name: "Huishoudens met problematische schulden", unit: "huishoudens", direction: direction, source: .monitor("Staat van de Stad"))
        return IndicatorSeries(definition, values: values.enumerated().map { (ReportingPeriod.quarter(2025, $0.offset + 1)!, Measure($0.element)) })
    }

    @Test func nothingLateAndNothingWorseIsOnTrack() {
        let (status, reasons) = ProgressRule.assess(milestones: [milestone("a", "2026Q2"), milestone("b", "2026-01-15", reached: "2026-01-10")],
                                                    keyIndicators: [indicator(.lowerIsBetter, [10_400, 10_100])], on: day)
        #expect(status == .onTrack)
        #expect(reasons.count == 1)
    }

    @Test func oneLateOrAtRiskOrAWorseIndicatorNeedsAttention() {
        #expect(ProgressRule.assess(milestones: [milestone("a", "2026-03-01")], keyIndicators: [], on: day).status == .attention)
        #expect(ProgressRule.assess(milestones: [milestone("a", "2026Q2", .atRisk)], keyIndicators: [], on: day).status == .attention)
        let worse = ProgressRule.assess(milestones: [], keyIndicators: [indicator(.lowerIsBetter, [10_100, 10_400])], on: day)
        #expect(worse.status == .attention)
        #expect(worse.reasons == ["Kernindicator ‘Huishoudens met problematische schulden’ is verslechterd: van 10.100 huishoudens naar 10.400 huishoudens (2e kwartaal 2025)."])
        #expect(ProgressRule.assess(milestones: [], keyIndicators: [indicator(.higherIsBetter, [10_100, 10_400])], on: day).status == .onTrack)
    }

    @Test func twoLateOrOneLongLateIsBehind() {
        let two = ProgressRule.assess(milestones: [milestone("a", "2026-03-01"), milestone("b", "2026-02-01")], keyIndicators: [], on: day)
        #expect(two.status == .behind && two.reasons.count == 2)
        let long = ProgressRule.assess(milestones: [milestone("Herkansingsroute", "2025Q3")], keyIndicators: [], on: day)
        #expect(long.status == .behind)
        #expect(long.reasons == ["Mijlpaal ‘Herkansingsroute’ is te laat: gepland 3e kwartaal 2025, nog niet behaald (182 dagen over de datum)."])
    }

    @Test func staffsStatusLeadsButTheRulesStays() {
        let assessment = ProgressAssessment(derived: .behind, reasons: ["x"], override: ProgressOverride(status: .attention, reason: "Inhaalslag in april"))
        #expect(assessment.shown == .attention && assessment.derived == .behind)
        #expect(ProgressStatus.onTrack < .attention && .attention < .behind)
    }
}
