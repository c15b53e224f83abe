import Vapor
import WijknetCore
import WijknetStore

/// `/cijfers`: the council's figures K1–K10 for a scope, law and period, with their trend per
/// quarter as charts and tables, exports, and — for coach and chair — the requests behind a figure.
enum DashboardPage {
    @Sendable static func show(req: Request) async throws -> Response {
        try FigureRequest.requireFigures(req)
        let user = try req.requireUser()
        let values = FigureQueryInput.values(of: req)
        var state = FormState(values: values)
        let query: FigureQuery
        do {
            query = try FigureQueryInput(values: values).query()
        } catch {
            state.errors = error.errors
            query = FigureQuery(period: FigureQueryInput.lastCompleteQuarter())
        }
        if state.values["period"] == nil && values["from"] == nil { state.values["period"] = query.period.description }
        let view = try await DashboardView.load(req, query)
        let filters = try await filterForm(req, state)
        let drill = CasePolicy.drillsDown(user.role)
        let queryString = FigureQueryInput.queryString(query)
        let rows = view.lines.map { line -> Markup in
            let link: Markup = drill && line.base != nil
                ? "<a href=\"\(SiteURL.dashboardRequests(line.figure.code).path)?\(queryString)\">Verzoeken<span class=\"visually-hidden\"> achter \(line.figure.code) \(line.title)</span></a>"
                : .empty
            return """
            <tr><th scope="row">\(line.figure.code)</th><td>\(line.title)</td>\
            <td class="number\(Markup(raw: line.value.isSuppressed ? " suppressed" : ""))">\(FigureFormat.value(line.value, line.figure.measure))</td>\
            <td class="number">\(FigureFormat.base(line.base))</td>\(drill ? "<td>\(link)</td>" as Markup : .empty)</tr>
            """
        }
        let charts = DashboardView.chartSpecs.map { spec -> Markup in
            let chart = view.chart(spec)
            guard !chart.series.isEmpty else { return .empty }
            let header = view.trend.map { "<th scope=\"col\">\($0.period.shortDutch)</th>" as Markup }
            let tableRows = chart.series.map { serie -> Markup in
                let cells = serie.values.map { "<td class=\"number\">\($0.map { FigureFormat.number($0, spec.figure.measure) } ?? FigureFormat.suppressed)</td>" as Markup }
                return "<tr><th scope=\"row\">\(serie.name)</th>\(cells)</tr>"
            }
            return """
            <figure class="chart-figure" id="grafiek-\(spec.figure.code)">
            <figcaption>\(spec.figure.code) \(spec.figure.title), per kwartaal</figcaption>
            \(chart.svg())
            <details><summary>Tabel bij \(spec.figure.code)</summary>
            <table tabindex="0"><caption>\(spec.figure.code) per kwartaal</caption><thead><tr><th scope="col">Reeks</th>\(header)</tr></thead><tbody>\(tableRows)</tbody></table>
            </details>
            <p><a href="\(SiteURL.dashboardChart(spec.figure.code).path)?\(queryString)" download>Grafiek \(spec.figure.code) als SVG</a></p>
            </figure>
            """
        }
        let scope = try await scopeLabel(req, query)
        let response = Layout.page("Cijfers", req, """
        <h1>Cijfers wijknetwerken</h1>
        <p>De kerncijfers van de raad (K1–K10), berekend uit de registratie in Wijknet. Hoe elk cijfer is berekend staat bij
        <a href="\(SiteURL.dashboardDefinitions.path)">de definities</a>.</p>
        \(Form.errorSummary(state))
        \(filters)
        <section aria-labelledby="kerncijfers"><h2 id="kerncijfers">\(query.period.dutch): \(scope)</h2>
        <p>Stand op \(view.result.asOf.dutch). <strong>\(FigureFormat.suppressed)</strong>: \(DisclosureControl.explanation)</p>
        <table class="figures" tabindex="0"><caption>Kerncijfers, \(query.period.dutch)</caption>
        <thead><tr><th scope="col">Code</th><th scope="col">Cijfer</th><th scope="col">Waarde</th><th scope="col">Berekend op</th>\(drill ? "<th scope=\"col\">Onderliggend</th>" as Markup : .empty)</tr></thead>
        <tbody>\(rows)</tbody></table>
        <p>Exporteren: <a href="\(SiteURL.dashboardCSV.path)?\(queryString)&amp;separator=semicolon">CSV voor Excel (puntkomma)</a> ·
        <a href="\(SiteURL.dashboardCSV.path)?\(queryString)">CSV (komma)</a></p>
        </section>
        <section aria-labelledby="trend"><h2 id="trend">Ontwikkeling per kwartaal</h2>\(charts)</section>
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    static func filterForm(_ req: Request, _ state: FormState, action: SiteURL = .dashboard, extra: Markup = .empty) async throws -> Markup {
        let municipalities = try await Catalogue.municipalities(on: req.db)
        let areas = try await Catalogue.areas(on: req.db)
        let networks = try await Catalogue.networks(on: req.db)
        let thisYear = CalendarDate.today().year
        var periods: [(String, String)] = []
        for year in stride(from: thisYear, through: thisYear - 3, by: -1) {
            periods.append(("\(year)", "Heel \(year)"))
            for quarter in stride(from: 4, through: 1, by: -1) {
                let period = ReportingPeriod.quarter(year, quarter)!
                if period.first <= .today() { periods.append((period.description, period.dutch)) }
            }
        }
        return """
        <form method="get" action="\(action.path)" class="filters" aria-label="Cijfers filteren">\(extra)
        \(Form.select("municipalityId", "Gemeente", state, options: municipalities.map { ($0.id!.uuidString, $0.name) }, need: .filter, blank: "Alle"))
        \(Form.select("areaId", "Gebied", state, options: areas.map { ($0.id!.uuidString, $0.name) }, need: .filter, blank: "Alle"))
        \(Form.select("networkId", "Netwerk", state, options: networks.map { ($0.id!.uuidString, $0.name) }, need: .filter, blank: "Alle"))
        \(Form.select("law", "Wet", state, options: Law.allCases.map { ($0.rawValue, $0.label) }, need: .filter, blank: "Wmo en Jeugd"))
        \(Form.select("period", "Periode", state, options: periods, need: .filter, blank: "Eigen periode (hieronder)"))
        \(Form.text("from", "Eigen periode vanaf", state, type: "date", need: .filter))
        \(Form.text("to", "Eigen periode tot en met", state, type: "date", need: .filter))
        <button type="submit">Toon cijfers</button> <a href="\(action.path)">Standaard</a>
        </form>
        """
    }

    static func scopeLabel(_ req: Request, _ query: FigureQuery) async throws -> String {
        var parts: [String] = []
        if let id = query.scope.municipalityId { parts.append(try await Municipality.find(id, on: req.db)?.name ?? "onbekende gemeente") }
        if let id = query.scope.areaId { parts.append(try await WijknetStore.Area.find(id, on: req.db)?.name ?? "onbekend gebied") }
        if let id = query.scope.networkId { parts.append(try await WijknetStore.Network.find(id, on: req.db)?.name ?? "onbekend netwerk") }
        if parts.isEmpty { parts.append("alle gebieden") }
        parts.append(query.law?.label ?? "Wmo en Jeugd")
        return parts.joined(separator: ", ")
    }
}
