import Testing
@testable import ProgrammeCore
@testable import WijknetCore

/// Indicators (issue 17): exact values, a unit always, and external values by CSV checked whole.
@Suite struct IndicatorTests {
    @Test func valuesAreExactAndReadDutchOrPoint() {
        #expect(Measure("12,5", .dutch) == Measure("12.5", .point))
        #expect(Measure("0,1", .dutch)!.value + Measure("0,2", .dutch)!.value == Measure("0,3", .dutch)!.value, "exact, not floating point")
        #expect(Measure("1034,5", .dutch)?.dutch == "1.034,5")
        #expect(Measure("-0,75", .dutch)?.description == "-0.75")
        for wrong in ["", "1.034", "1.034,5", "12,1234567", "1e5", "abc", "1234567890123456", ",", "12,"] {
            #expect(Measure(wrong, .dutch) == nil, "\(wrong)")
        }
        #expect(Measure("1,034", .point) == nil && Measure("1.034", .point) == Measure("1,034", .dutch))
    }

    @Test func aTargetWithoutAUnitIsRefused() {
        do {
            _ = try IndicatorInput(name: "Dakloze inwoners", unit: "", direction: "lowerIsBetter", source: "monitor", monitor: "Staat van de Stad",
                                   targetValue: "50", targetDate: "2027-12-31").validated(.dutch)
            Issue.record("accepted")
        } catch {
            #expect(error.errors.map(\.field) == ["unit"])
            #expect(error.message(for: "unit")!.hasPrefix("Een doel zonder eenheid"))
        }
        #expect(throws: ValidationFailure.self) { try IndicatorInput(name: "x", unit: "%", direction: "up", source: "figure", figure: "K11").validated(.dutch) }
        #expect(throws: ValidationFailure.self) { try IndicatorInput(name: "x", unit: "%", direction: "higherIsBetter", source: "entered", targetValue: "5").validated(.dutch) }
        let k2 = try? IndicatorInput(name: "Geïndiceerde zorg binnen het netwerk", unit: "%", direction: "higherIsBetter", source: "figure", figure: "K2",
                                     baselineValue: "41,0", baselinePeriod: "2025", targetValue: "60", targetDate: "2027-12-31").validated(.dutch)
        #expect(k2?.source == .figure(.k2) && k2?.baseline?.period == ReportingPeriod.year(2025))
    }

    @Test func theCSVIsCheckedWholeAndNamesEveryProblem() {
        let names: Set<String> = ["dakloze inwoners"]
        let span = ReportingPeriod(first: CalendarDate("2026-01-01")!, last: CalendarDate("2027-12-31")!)!
        let good = "indicator;periode;waarde;bron\nDakloze inwoners;2026Q1;212;Staat van de Stad 2026\nDakloze inwoners;2026Q2;198,5;Staat van de Stad 2026\n"
        let checked = IndicatorValuesFile.check(good, indicators: names, within: span)
        #expect(checked.problems.isEmpty && checked.rows.count == 2)
        #expect(checked.rows[1].value == Measure("198,5", .dutch))
        let points = "indicator,periode,waarde,bron\nDakloze inwoners,2026Q1,198.5,Staat van de Stad 2026\n"
        #expect(IndicatorValuesFile.check(points, indicators: names, within: span).rows.first?.value == Measure("198,5", .dutch))
        let bad = "indicator;periode;waarde;bron\nDakloze inwoners;2025Q4;212;x\nOnbekend;2026Q1;1.034;x\nDakloze inwoners;2026Q7;5;\nDakloze inwoners;2026Q1;1;x\nDakloze inwoners;2026-Q1;2;x\n"
        let refused = IndicatorValuesFile.check(bad, indicators: names, within: span)
        #expect(refused.rows.isEmpty, "nothing when anything is wrong")
        #expect(refused.problems.map { "\($0.line):\($0.column)" } == ["2:periode", "3:indicator", "3:waarde", "4:periode", "4:bron", "6:periode"])
        #expect(refused.problems[0].message == "4e kwartaal 2025 valt buiten de looptijd van het programma (01-01-2026 t/m 31-12-2027).")
    }
}
