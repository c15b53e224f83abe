import Vapor
import WijknetCore
import WijknetStore

/// `/postvak`: what waits for the partner's organisation, longest waiting first, and
/// `/postvak/gemeld`: what its people reported.
enum InboxPage {
    @Sendable static func show(req: Request) async throws -> Response {
        let actor = try req.actor()
        let page = try await req.requestService().inbox(try req.paging())
        let rows = page.items.map { item -> Markup in
            let who = ResidentIdentity(item.request, for: actor).display
            let anchor = switch item.kind {
            case .directRoute: "#reactie"
            case .careStart, .careEnd: "#zorg"
            case .referralResult: "#toeleidingen"
            }
            return Table.row(["\(item.since.dutch)", "<a href=\"\(SiteURL.request(item.request.id!).path)\(anchor)\">\(item.kind.label)</a>" as Markup,
                              "\(who)", "\(item.request.district.name)"])
        }
        let list: Markup = rows.isEmpty
            ? "<p>Er wacht niets op jullie organisatie.</p>"
            : Table.make(.hidden("Wacht op jullie organisatie"), columns: ["Wacht sinds", "Wat", "Inwoner", "Wijk"], rows: rows)
        return Layout.page("Postvak", req, """
        <h1>Postvak</h1>
        <p>Wat op jullie organisatie wacht, het langst wachtende eerst: verzoeken via de directe route, de start en het einde van zorg,
        en het resultaat van toeleidingen. Wat jullie meldden staat op <a href="\(SiteURL.inboxReported.path)">Gemeld</a>.</p>
        <p class="count-line">\(page.totalIsExact ? page.total.formattedDutch : "Meer dan \(page.total.formattedDutch)") open \(page.total == 1 ? "punt" : "punten").</p>
        \(list)
        \(Pagination.nav(page, path: SiteURL.inbox.path, query: [:]))
        """)
    }

    @Sendable static func reported(req: Request) async throws -> Response {
        let page = try await req.requestService().reported(try req.paging())
        let rows = page.items.map { e -> Markup in
            let label = CaseEventKind(rawValue: e.kind)?.label ?? e.kind
            // After a decline the organisation no longer takes part: no link to a case it cannot open.
            let what: Markup = e.kind == CaseEventKind.directDeclined.rawValue
                ? "\(label)" : "<a href=\"\(SiteURL.request(e.$request.id).path)\">\(label)</a>"
            return Table.row(["\(CasePage.dutchDateTime(e.at))", what, "\(e.detail)", "\(e.actor.displayName)"])
        }
        let list: Markup = rows.isEmpty
            ? "<p>Jullie organisatie heeft nog niets gemeld.</p>"
            : Table.make(.hidden("Gemeld door jullie organisatie"), columns: ["Wanneer", "Wat", "Details", "Door"], rows: rows)
        return Layout.page("Gemeld", req, """
        <h1>Gemeld door jullie organisatie</h1>
        <p><a href="\(SiteURL.inbox.path)">Terug naar het postvak</a></p>
        \(list)
        \(Pagination.nav(page, path: SiteURL.inboxReported.path, query: [:]))
        """)
    }
}
