import Vapor
import WijknetCore
import WijknetStore

/// The frame of every page: skip link, header with the navigation for the user's role, main.
enum Layout {
    static func page(_ title: String, _ req: Request, flash: String? = nil, _ content: Markup) -> Response {
        let response = Response(status: .ok, body: .init(string: document(title, req, flash: flash, content).html))
        response.headers.contentType = .html
        return response
    }

    /// The whole HTML document; `page` sends it, a streamed page sends it in two halves.
    static func document(_ title: String, _ req: Request, flash: String? = nil, _ content: Markup) -> Markup {
        let user = req.currentUser
        let nav: Markup = user.map { navigation(for: $0, req) } ?? .empty
        let flashBox: Markup = flash.map { "<div class=\"flash\" role=\"status\">\($0)</div>" } ?? .empty
        let html: Markup = """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) – Wijknet</title>
        <link rel="stylesheet" href="\(SiteURL.stylesheet.path)">
        </head>
        <body>
        <a class="skip" href="#inhoud">Naar de inhoud</a>
        <header class="site"><a class="brand" href="/">Wijknet</a>\(nav)</header>
        <main id="inhoud">
        \(flashBox)
        \(content)
        </main>
        <footer class="site">Wijknet – wijknetwerken welzijn en zorg</footer>
        </body>
        </html>
        """
        return html
    }

    static func navigation(for user: User, _ req: Request) -> Markup {
        var links: [(SiteURL, String)] = []
        switch user.role {
        case .coach: links = [(.requests, "Verzoeken"), (.residents, "Inwoners"), (.meetings, "Overleggen"), (.dashboard, "Cijfers"), (.survey, "Enquête")]
        case .chair: links = [(.requests, "Verzoeken"), (.meetings, "Overleggen"), (.dashboard, "Cijfers"), (.survey, "Enquête")]
        case .partner: links = [(.requests, "Verzoeken"), (.meetings, "Overleggen"), (.survey, "Enquête")]
        case .admin: links = [(.admin, "Beheer"), (.historyImport, "Import")]
        case .analyst: links = [(.dashboard, "Cijfers"), (.councilLetter, "Raadsbrief"), (.survey, "Enquête"), (.profiles, "Profielen"), (.historyImport, "Import")]
        case .council: links = [(.dashboard, "Cijfers"), (.councilLetter, "Raadsbrief"), (.survey, "Enquête")]
        case .auditor: links = [(.audit, "Auditlog")]
        }
        links.append((.tokens, "API-tokens"))
        let current = req.url.path
        let items = links.map { link, label -> Markup in
            let active = current == link.path || (link.path != "/" && current.hasPrefix(link.path + "/"))
            return "<li><a href=\"\(link.path)\"\(Markup(raw: active ? " aria-current=\"page\"" : ""))>\(label)</a></li>"
        }
        return """
        <nav aria-label="Hoofdmenu"><ul>\(items)</ul></nav>
        <form class="signout" method="post" action="\(SiteURL.logout.path)">\(Form.csrf(req))
        <span>\(user.displayName) (\(user.role.label))</span> <button type="submit">Afmelden</button></form>
        """
    }
}

/// A Dutch page for an error, with no internal detail.
enum ErrorPage {
    static func response(_ problem: Problem, for req: Request) -> Response {
        if problem.status == 401 { return req.redirect(to: SiteURL.login.path) }
        let response = Layout.page(problem.title, req, """
        <h1>\(problem.title)</h1>
        <p>\(problem.detail ?? "Er ging iets mis. Probeer het later opnieuw.")</p>
        <p><a href="/">Naar de startpagina</a></p>
        """)
        response.status = HTTPResponseStatus(statusCode: problem.status)
        return response
    }
}
