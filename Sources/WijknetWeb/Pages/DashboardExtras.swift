import Vapor
import WijknetCore
import WijknetStore

/// Around the dashboard: the definitions page, the CSV and SVG exports, and the drill-down from a
/// figure to the requests behind it.
enum DashboardExtras {
    /// `/cijfers/definities`: numerator, denominator, period and which records count, per figure.
    @Sendable static func definitions(req: Request) async throws -> Response {
        try FigureRequest.requireFigures(req)
        let items = FigureDefinition.allCases.map { figure -> Markup in
            """
            <section><h2 id="\(figure.code)">\(figure.code) \(figure.title)</h2><p>\(figure.definition)</p>
            \(figure.refinement.map { "<p><strong>Precisering:</strong> \($0)</p>" as Markup } ?? .empty)</section>
            """
        }
        return Layout.page("Definities van de cijfers", req, """
        <h1>Definities van de cijfers</h1>
        <p>P is de gekozen periode: een kwartaal, een jaar of een eigen periode (begin- en einddag tellen mee). Een aanbieder is
        <em>binnen het netwerk</em> voor een toewijzing als hij op de startdatum netwerkpartner in de kern is van het netwerk dat de wijk van het
        verzoek bedient; toewijzingen in een wijk zonder netwerk zijn buiten. Met een wetfilter tellen verzoeken die die wet raken
        en toewijzingen onder die wet.</p>
        <p>Afscherming: niet getoond maar als <em>\(FigureFormat.suppressed)</em> gemeld, nooit als nul: \(DisclosureControl.explanation)</p>
        \(items)
        <p><a href="\(SiteURL.dashboard.path)">Terug naar de cijfers</a></p>
        """)
    }

    /// `/cijfers/export.csv`: the period's figures and every quarter of the trend.
    @Sendable static func csv(req: Request) async throws -> Response {
        try FigureRequest.requireFigures(req)
        let view = try await DashboardView.load(req, try await FigureRequest.query(req))
        return CSV.download(view.csvRows(), filename: "wijknet-cijfers-\(view.result.query.period).csv", for: req)
    }

    /// `/cijfers/grafiek/:code`: one chart as an SVG file.
    @Sendable static func chart(req: Request) async throws -> Response {
        try FigureRequest.requireFigures(req)
        let code = req.parameters.get("code") ?? ""
        guard let spec = DashboardView.chartSpecs.first(where: { $0.figure.code == code.uppercased() }) else {
            throw Abort(.notFound, reason: "Er is geen grafiek \(code).")
        }
        let view = try await DashboardView.load(req, try await FigureRequest.query(req))
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"wijknet-\(spec.figure.code)-\(view.result.query.period).svg\"")
        return Response(status: .ok, headers: headers, body: .init(string: view.chart(spec).svg(standalone: true).html))
    }

    /// `/cijfers/:code/verzoeken`: the requests a figure counts, for coach and chair, each seeing
    /// only the ones the case rules allow; the list is logged like every list.
    @Sendable static func requests(req: Request) async throws -> Response {
        _ = try req.authorise(CasePolicy.drillsDown)
        let figure = try FigureRequest.figure(req)
        let query = try await FigureRequest.query(req)
        let result = try await FigureRequest.drillDown(req, figure, query, try req.paging())
        let actor = try req.actor()
        let rows = result.items.map { r -> Markup in
            """
            <tr><td><a href="\(SiteURL.request(r.id!).path)">\(ResidentIdentity(r, for: actor).display)</a></td><td>\(CalendarDate(r.intakeDate)?.dutch ?? r.intakeDate)</td>
            <td>\(r.law.label)</td><td>\(r.district.name)</td><td>\(r.status.label)</td></tr>
            """
        }
        let pager = Pagination.nav(result, path: SiteURL.dashboardRequests(figure.code).path, queryString: FigureQueryInput.queryString(query))
        return Layout.page("Verzoeken achter \(figure.code)", req, """
        <h1>Verzoeken achter \(figure.code): \(figure.title)</h1>
        <p>\(figure.definition(period: query.period.dutch)) Je ziet alleen de verzoeken waar je zelf toegang toe hebt.</p>
        \(rows.isEmpty ? "<p>Geen verzoeken die je mag inzien.</p>" as Markup : """
        <table tabindex="0"><caption>\(result.total) verzoeken, pagina \(result.page) van \(result.pageCount)</caption>
        <thead><tr><th scope="col">Inwoner</th><th scope="col">Intake</th><th scope="col">Wet</th><th scope="col">Wijk</th><th scope="col">Status</th></tr></thead>
        <tbody>\(rows)</tbody></table>\(pager)
        """)
        <p><a href="\(SiteURL.dashboard.path)?\(FigureQueryInput.queryString(query))">Terug naar de cijfers</a></p>
        """)
    }

    /// The requests behind `figure`, through the ordinary list (case rules, audit log).
}
