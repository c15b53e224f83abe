import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// `/verzoeken`: the request list with filters, search and pagination.
enum RequestsPage {
    static let filterNames = ["areaId", "networkId", "status", "law", "route", "from", "to", "q", "residentId", "openReferral", "declined"]

    @Sendable static func show(req: Request) async throws -> Response {
        let values = req.queryValues(filterNames)
        var state = FormState(values: values)
        let query = RequestListQuery(areaId: values["areaId"], networkId: values["networkId"], status: values["status"], law: values["law"],
                                     route: values["route"], from: values["from"], to: values["to"], q: values["q"],
                                     residentId: values["residentId"], openReferral: values["openReferral"], declined: values["declined"])
        var result: ResultPage<SupportRequest>?
        do {
            result = try await req.requestService().list(try query.filter(), try req.paging())
        } catch let failure as ValidationFailure {
            state.errors = failure.errors
        }
        let networks = try await Catalogue.networks(on: req.db)
        let areas = try await Catalogue.areas(on: req.db)
        let filters: Markup = """
        <form method="get" action="\(SiteURL.requests.path)" class="filters" role="search" aria-label="Verzoeken filteren">
        \(Form.text("q", "Zoeken", state, type: "search", need: .filter, hint: "In omschrijving en naam"))
        \(Form.select("status", "Status", state, options: RequestStatus.allCases.map { ($0.rawValue, $0.label) }, need: .filter, blank: "Alle"))
        \(Form.select("law", "Wet", state, options: Law.allCases.map { ($0.rawValue, $0.label) }, need: .filter, blank: "Alle"))
        \(Form.select("route", "Route", state, options: WijknetCore.Route.allCases.map { ($0.rawValue, $0.label) }, need: .filter, blank: "Alle"))
        \(Form.select("openReferral", "Toeleiding welzijn", state, options: [("true", "Nog zonder uitkomst")], need: .filter, blank: "Alle"))
        \(Form.select("declined", "Directe route", state, options: [("true", "Afgewezen door een partner")], need: .filter, blank: "Alle"))
        \(Form.select("areaId", "Gebied", state, options: areas.map { ($0.id!.uuidString, $0.name) }, need: .filter, blank: "Alle"))
        \(Form.select("networkId", "Netwerk", state, options: networks.map { ($0.id!.uuidString, $0.name) }, need: .filter, blank: "Alle"))
        \(Form.text("from", "Intake vanaf", state, type: "date", need: .filter))
        \(Form.text("to", "Intake tot en met", state, type: "date", need: .filter))
        <button type="submit">Filteren</button> <a href="\(SiteURL.requests.path)">Filters wissen</a>
        </form>
        """
        let table: Markup
        if let result {
            let actor = try req.actor()
            let rows = result.items.map { r -> Markup in
                """
                <tr><td><a href="\(SiteURL.request(r.id!).path)">\(ResidentIdentity(r, for: actor).display)</a></td><td>\(CalendarDate(r.intakeDate)?.dutch ?? r.intakeDate)</td>
                <td>\(r.law.label)</td><td>\(r.district.name)</td><td>\(r.route?.label ?? "–")</td><td>\(r.status.label)</td></tr>
                """
            }
            table = rows.isEmpty ? "<p>Geen verzoeken gevonden.</p>" : """
            <table tabindex="0"><caption>\(countText(total: result.total, exact: result.totalIsExact)), pagina \(result.page)\(result.totalIsExact ? " van \(result.pageCount)" : "")</caption>
            <thead><tr><th scope="col">Inwoner</th><th scope="col">Intake</th><th scope="col">Wet</th><th scope="col">Wijk</th><th scope="col">Route</th><th scope="col">Status</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            \(Pagination.nav(result, path: SiteURL.requests.path, query: values))
            """
        } else {
            table = .empty
        }
        let newButton: Markup = try req.requireUser().role == .coach ? HomePage.newRequestButton : .empty
        let response = Layout.page("Verzoeken", req, """
        <h1>Verzoeken</h1>
        \(newButton)
        \(Form.errorSummary(state))
        \(filters)
        \(table)
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    static func countText(total: Int, exact: Bool) -> String {
        if !exact { return "Meer dan \(total.formattedDutch) verzoeken" }
        return total == 1 ? "1 verzoek" : "\(total.formattedDutch) verzoeken"
    }
}
