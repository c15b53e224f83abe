import Vapor
import WijknetCore
import WijknetStore

/// The frame of every page: skip link, header with the navigation for the user's role, main.
enum Layout {
    /// `stylesheet`: one more, after the site's own (the council letter's print header).
    /// `refresh`: a page of Wijknet to open at once (after single sign-on, `SSOPages.onward`).
    static func page(_ title: String, _ req: Request, flash: String? = nil, stylesheet: String? = nil, refresh: String? = nil,
                     _ content: Markup) -> Response {
        let response = Response(status: .ok, body: .init(string: document(title, req, flash: flash, stylesheet: stylesheet, refresh: refresh, content).html))
        response.headers.contentType = .html
        return response
    }

    /// The whole HTML document; `page` sends it, a streamed page sends it in two halves.
    /// A page with a form's error summary says so first in its title, as screen readers announce
    /// the title before anything else.
    static func document(_ title: String, _ req: Request, flash: String? = nil, stylesheet: String? = nil, refresh: String? = nil,
                         _ content: Markup) -> Markup {
        let user = req.currentUser
        let nav: Markup = user.map { navigation(for: $0, req) } ?? .empty
        let message = flash ?? req.takeFlash()
        let flashBox: Markup = message.map { "<div class=\"flash\" role=\"status\">\($0)</div>" } ?? .empty
        let failed = content.html.contains(Form.errorSummaryStart)
        let branding = req.application.wijknetConfig.branding
        let html: Markup = """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        \(refresh.map { "<meta http-equiv=\"refresh\" content=\"0; url=\($0)\">" as Markup } ?? .empty)
        <title>\(failed ? "Fout: " : "")\(title) – Wijknet</title>
        <link rel="stylesheet" href="\(SiteURL.stylesheet.path)">
        \(branding.themeCSS == nil ? Markup.empty : "<link rel=\"stylesheet\" href=\"\(SiteURL.themeStylesheet.path)\">")
        \(stylesheet.map { "<link rel=\"stylesheet\" href=\"\($0)\">" as Markup } ?? .empty)
        \(user == nil ? Markup.empty : "<script src=\"\(SiteURL.sessionScript.path)\" defer></script>")
        </head>
        <body>
        <a class="skip" href="#inhoud">Naar de inhoud</a>
        <header class="site"><a class="brand" href="/">\(branding.logo == nil ? Markup.empty : "<img src=\"\(SiteURL.logo.path)\" alt=\"\">")\
        Wijknet\(branding.organisationName.map { " <span class=\"organisation\">\($0)</span>" as Markup } ?? .empty)</a>\(nav)</header>
        \(user == nil ? Markup.empty : sessionWarning(req))
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

    /// Shown by `sessie.js` two minutes before an idle session ends; hidden without the script.
    static func sessionWarning(_ req: Request) -> Markup {
        """
        <div class="session-warning" role="alert" hidden data-minutes="\(req.application.wijknetConfig.sessionMinutes)"><p></p>
        <form method="post" action="\(SiteURL.sessionKeepAlive.path)" hidden>\(Form.csrf(req))<button type="submit">Ingelogd blijven</button></form></div>
        """
    }

    static func navigation(for user: User, _ req: Request) -> Markup {
        var links: [(SiteURL, String)] = []
        switch user.role {
        case .coach: links = [(.requests, "Verzoeken"), (.residents, "Inwoners"), (.meetings, "Overleggen"), (.dashboard, "Cijfers"), (.survey, "Enquête")]
        case .chair: links = [(.requests, "Verzoeken"), (.meetings, "Overleggen"), (.dashboard, "Cijfers"), (.survey, "Enquête")]
        case .partner: links = [(.inbox, "Postvak"), (.requests, "Verzoeken"), (.meetings, "Overleggen"), (.survey, "Enquête")]
        case .admin: links = [(.admin, "Beheer"), (.adminAccounts, "Accounts"), (.historyImport, "Import")]
        case .analyst: links = [(.dashboard, "Cijfers"), (.councilLetter, "Raadsbrief"), (.programmes, "Programma"), (.survey, "Enquête"), (.profiles, "Profielen"),
                                (.historyImport, "Import")]
        case .council: links = [(.dashboard, "Cijfers"), (.councilLetter, "Raadsbrief"), (.survey, "Enquête")]
        case .auditor: links = [(.audit, "Auditlog")]
        }
        let current = req.url.path
        func matches(_ path: String) -> Bool { current == path || (path != "/" && current.hasPrefix(path + "/")) }
        // The most specific link is the current one: /beheer/accounts, not /beheer as well.
        let currentLink = links.map(\.0.path).filter(matches).max { $0.count < $1.count }
        let items = links.map { link, label -> Markup in
            let active = link.path == currentLink
            return "<li><a href=\"\(link.path)\"\(Markup(raw: active ? " aria-current=\"page\"" : ""))>\(label)</a></li>"
        }
        return """
        <nav aria-label="Hoofdmenu"><ul>\(items)</ul></nav>
        <div class="user"><span>\(user.displayName) (\(user.role.label))</span> <a href="\(SiteURL.secondFactor.path)">Tweede factor</a> <a href="\(SiteURL.tokens.path)">API-tokens</a>
        <form class="inline" method="post" action="\(SiteURL.logout.path)">\(Form.csrf(req))<button type="submit">Uitloggen</button></form></div>
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

extension Request {
    /// A message for the next page this user sees: "saved" after a form sent them elsewhere.
    func flash(_ message: String) {
        session.data["flash"] = message
    }

    /// The waiting message, once.
    func takeFlash() -> String? {
        guard hasSession, let message = session.data["flash"] else { return nil }
        session.data["flash"] = nil
        return message
    }
}
