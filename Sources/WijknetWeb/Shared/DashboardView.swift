import Vapor
import WijknetCore
import WijknetStore

/// The council's figures as the dashboard, its exports and the API show them: lines after
/// disclosure control for the period and for every quarter of the trend, and the charts.
struct DashboardView {
    let result: FiguresService.Result
    let lines: [FigureLine]
    let trend: [(period: ReportingPeriod, lines: [String: FigureLine])]

    init(_ result: FiguresService.Result) {
        self.result = result
        lines = result.figures.lines(reasonLabels: result.reasonLabels)
        trend = result.trend.map { quarter in
            (quarter.period, Dictionary(uniqueKeysWithValues: quarter.figures.lines(reasonLabels: result.reasonLabels).map { ($0.key, $0) }))
        }
    }

    static func load(_ req: Request, _ query: FigureQuery) async throws -> DashboardView {
        DashboardView(try await req.figuresService().figures(query))
    }

    /// The charts of the trend: the figures that have one value per quarter (K10 is a table).
    struct ChartSpec {
        let figure: FigureDefinition
        let series: [(name: String, key: String)]
    }

    static let chartSpecs: [ChartSpec] = [
        ChartSpec(figure: .k1, series: [("Besproken verzoeken", "K1")]),
        ChartSpec(figure: .k2, series: [("Zorg binnen het netwerk", "K2")]),
        ChartSpec(figure: .k3, series: [("Met welzijn", "K3")]),
        ChartSpec(figure: .k4, series: [("Wmo", "K4.wmo"), ("Jeugd", "K4.jeugd")]),
        ChartSpec(figure: .k5, series: [("Wmo", "K5.wmo"), ("Jeugd", "K5.jeugd")]),
        ChartSpec(figure: .k6, series: [("Binnen het netwerk", "K6.inside"), ("Buiten het netwerk", "K6.outside")]),
        ChartSpec(figure: .k7, series: [("Binnen het netwerk", "K7.inside"), ("Buiten het netwerk", "K7.outside")]),
        ChartSpec(figure: .k8, series: [("Mediaan dagen", "K8")]),
        ChartSpec(figure: .k9, series: [("Organisaties per verzoek", "K9")]),
    ]

    /// The chart of one figure's trend; series without any line (a law filtered out) are left out.
    func chart(_ spec: ChartSpec) -> BarChart {
        let series = spec.series.filter { s in trend.contains { $0.lines[s.key] != nil } }.map { s in
            BarChart.Series(name: s.name, values: trend.map { $0.lines[s.key]?.value.value })
        }
        return BarChart(id: "chart-\(spec.figure.rawValue)", title: "\(spec.figure.code) \(spec.figure.title), per kwartaal",
                        categories: trend.map { $0.period.shortDutch }, series: series, measure: spec.figure.measure)
    }

    /// Every line of the period and of each quarter of the trend, for a CSV file.
    func csvRows() -> [[String]] {
        var rows = [["periode", "code", "cijfer", "onderdeel", "waarde", "berekend_op"]]
        func add(_ period: ReportingPeriod, _ line: FigureLine) {
            rows.append([period.description, line.key, line.figure.title, line.part,
                         line.value.value.map { FigureFormat.number($0, line.figure.measure) } ?? FigureFormat.suppressed,
                         line.base.map(String.init) ?? ""])
        }
        for line in lines { add(result.query.period, line) }
        for quarter in trend where quarter.period != result.query.period {
            for line in quarter.lines.values.sorted(by: { $0.key.localizedStandardCompare($1.key) == .orderedAscending }) { add(quarter.period, line) }
        }
        return rows
    }
}
