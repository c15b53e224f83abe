import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// `/`: where each role starts.
enum HomePage {
    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        var blocks: [Markup] = []
        if CasePolicy.seesCases(user.role) {
            let service = try req.requestService()
            let open = try await service.count(RequestFilter(status: .registered))
            let meeting = try await service.count(RequestFilter(status: .inMeeting))
            blocks.append("""
            <section><h2>Verzoeken</h2><ul>
            <li><a href="\(SiteURL.requests.path)?status=registered">Wachten op een route: \(RequestsPage.countText(total: open.total, exact: open.exact).lowercased())</a></li>
            <li><a href="\(SiteURL.requests.path)?status=inMeeting">Op de agenda van het overleg: \(RequestsPage.countText(total: meeting.total, exact: meeting.exact).lowercased())</a></li>
            </ul></section>
            """)
        }
        if user.role == .coach {
            blocks.append("<p><a class=\"button\" href=\"\(SiteURL.residents.path)\">Nieuw verzoek na keukentafelgesprek</a></p>")
            blocks.append("<p><a href=\"\(SiteURL.effectsDue.path)\">Vervolgmetingen die nodig zijn</a></p>")
        }
        if user.role == .admin {
            blocks.append("<p><a href=\"\(SiteURL.admin.path)\">Gebieden, netwerken, organisaties en producten beheren</a></p>")
        }
        if user.role == .analyst || user.role == .council {
            blocks.append("<p>Als \(user.role.label.lowercased()) zie je alleen cijfers, nooit gegevens van inwoners.</p>")
        }
        if CasePolicy.seesFigures(user.role) {
            blocks.append("<p><a class=\"button\" href=\"\(SiteURL.dashboard.path)\">Cijfers wijknetwerken (K1–K10)</a></p>")
        }
        return Layout.page("Start", req, """
        <h1>Welkom, \(user.displayName)</h1>
        <p>Je bent aangemeld als \(user.role.label.lowercased()).</p>
        \(blocks)
        """)
    }
}
