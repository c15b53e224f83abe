import Testing
@testable import WijknetCore

@Suite struct DisclosureTests {
    let control = DisclosureControl.council

    @Test func countsBelowFiveAreSuppressedIncludingZero() {
        #expect(control.count(0) == .suppressed)
        #expect(control.count(4) == .suppressed)
        #expect(control.count(5) == .shown(5))
        #expect(control.count(165) == .shown(165))
    }

    @Test func sharesNeedTenCases() {
        #expect(control.share(Ratio(part: 9, base: 9)) == .suppressed)
        #expect(control.share(Ratio(part: 0, base: 0)) == .suppressed)
        #expect(control.share(Ratio(part: 5, base: 10)) == .shown(0.5))
        // A share on enough cases is shown when its numerator is zero (a small one is not: see below).
        #expect(control.share(Ratio(part: 0, base: 12)) == .shown(0))
    }

    @Test func meansAndMediansNeedTenCases() {
        #expect(control.statistic(.mean([1, 2, 3, 4, 5, 6, 7, 8, 9])) == .suppressed)
        #expect(control.statistic(.mean([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])) == .shown(5.5))
        #expect(control.statistic(.median([])) == .suppressed)
    }

    @Test func medianOfAnEvenNumberIsTheMeanOfTheMiddleTwo() {
        #expect(Statistic.median([7, 1, 3]).value == 3)
        #expect(Statistic.median([4, 1, 3, 10]).value == 3.5)
        #expect(Statistic.median([4, 1, 3, 10]).cases == 4)
    }
}

@Suite struct ReportingPeriodTests {
    @Test func parsesQuartersYearsAndRanges() {
        let q1 = ReportingPeriod("2026Q1")
        #expect(q1?.first == CalendarDate("2026-01-01") && q1?.last == CalendarDate("2026-03-31"))
        #expect(ReportingPeriod("2026-K4")?.last == CalendarDate("2026-12-31"))
        #expect(ReportingPeriod("2024Q1")?.contains(CalendarDate("2024-02-29")!) == true)
        #expect(ReportingPeriod("2025")?.description == "2025")
        #expect(ReportingPeriod("2025-02-10..2025-05-01")?.quarters.map(\.description) == ["2025Q1", "2025Q2"])
        #expect(ReportingPeriod("2025Q5") == nil)
        #expect(ReportingPeriod("2025-05-01..2025-02-10") == nil, "the end before the start")
        #expect(ReportingPeriod("volgend jaar") == nil)
    }

    @Test func activeMeansOverlapping() {
        let q2 = ReportingPeriod.quarter(2025, 2)!
        let d = { (s: String) in CalendarDate(s)! }
        #expect(q2.overlaps(start: d("2025-01-15"), end: d("2025-04-01")), "ends on the first day")
        #expect(q2.overlaps(start: d("2025-06-30"), end: nil), "starts on the last day, open-ended")
        #expect(!q2.overlaps(start: d("2025-01-15"), end: d("2025-03-31")))
        #expect(!q2.overlaps(start: d("2025-07-01"), end: nil))
        #expect(q2.dutch == "2e kwartaal 2025" && q2.shortDutch == "2e kw. 2025")
    }
}

@Suite struct FigureLineTests {
    @Test func everyLineGoesThroughDisclosureControl() {
        var figures = CouncilFigures()
        figures.discussedInMeeting = 4
        figures.discussedWithCareInside = Ratio(part: 3, base: 4)
        figures.activeInside = [.wmo: Ratio(part: 12, base: 20), .jeugd: Ratio(part: 1, base: 9)]
        figures.hoursInside = Statistic(value: 3.5, cases: 10)
        figures.outsideReasons = ["no-capacity": 7, "choice": 6, "expertise-addiction": 2]
        let lines = Dictionary(uniqueKeysWithValues: figures.lines(reasonLabels: ["no-capacity": "Geen capaciteit"]).map { ($0.key, $0) })
        #expect(lines["K1"]?.value == .suppressed && lines["K1"]?.base == nil)
        #expect(lines["K2"]?.value == .suppressed, "a share on 4 requests")
        #expect(lines["K4.wmo"]?.value == .shown(0.6) && lines["K4.wmo"]?.base == 20)
        #expect(lines["K4.jeugd"]?.value == .suppressed && lines["K4.jeugd"]?.base == 10 && lines["K4.jeugd"]?.part == "Jeugd")
        #expect(lines["K6.inside"]?.value == .shown(3.5))
        #expect(lines["K6.outside"]?.value == .suppressed)
        #expect(lines["K10.no-capacity"]?.value == .shown(7) && lines["K10.no-capacity"]?.part == "Geen capaciteit")
        #expect(lines["K10.expertise-addiction"]?.value == .suppressed)
        #expect(lines["K10.choice"]?.value == .suppressed, "hidden with it: the whole minus the rest would give 2 back")
        #expect(lines["K4.wmo"]?.title == "Lopende toewijzingen bij netwerkpartners: Wmo")
    }
}

/// Issue 11, point 3: no published number may let anyone derive a count of 1–4.
@Suite struct DisclosureDerivationTests {
    let control = DisclosureControl.council

    @Test func aShareIsHiddenWhenItsPartOrItsComplementIsSmall() {
        #expect(control.share(Ratio(part: 3, base: 18)).isSuppressed, "16,67% of 18 reveals 3")
        #expect(control.share(Ratio(part: 14, base: 18)).isSuppressed, "the other 4 are as easy to find")
        #expect(control.share(Ratio(part: 5, base: 18)).value == 5.0 / 18)
        #expect(control.share(Ratio(part: 13, base: 18)).value == 13.0 / 18)
        #expect(control.share(Ratio(part: 0, base: 18)).value == 0, "none of many is not a small count")
        #expect(control.share(Ratio(part: 18, base: 18)).value == 1)
        #expect(control.share(Ratio(part: 5, base: 9)).isSuppressed, "fewer than 10 cases")
    }

    @Test func basesArePublishedRoundedToFives() {
        #expect(control.base(4) == nil)
        #expect(control.base(5) == 5)
        #expect(control.base(7) == 5)
        #expect(control.base(8) == 10)
        #expect(control.base(18) == 20)
        #expect(control.base(1_234) == 1_235)
    }

    @Test func oneHiddenPartOfAWholeNeverStandsAlone() {
        #expect(control.suppressingSecondParts([20, 9, 3]) == [.shown(20), .suppressed, .suppressed])
        #expect(control.suppressingSecondParts([20, 9, 3, 2]) == [.shown(20), .shown(9), .suppressed, .suppressed], "two hidden already")
        #expect(control.suppressingSecondParts([20, 9]) == [.shown(20), .shown(9)])
        #expect(control.suppressingSecondParts([3]) == [.suppressed])
    }

    @Test func councilFiguresUseTheRule() {
        var figures = CouncilFigures()
        figures.discussedWithWelfare = Ratio(part: 3, base: 18)
        figures.outsideReasons = ["no-capacity": 12, "choice": 7, "other": 2]
        let lines = figures.lines()
        let k3 = lines.first { $0.key == "K3" }
        #expect(k3?.value.isSuppressed == true && k3?.base == 20)
        let k10 = Dictionary(uniqueKeysWithValues: lines.filter { $0.figure == .k10 }.map { ($0.key, $0.value) })
        #expect(k10["K10.no-capacity"] == .shown(12) && k10["K10.choice"] == .suppressed && k10["K10.other"] == .suppressed)
    }
}
