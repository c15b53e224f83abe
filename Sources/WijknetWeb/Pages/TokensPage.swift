import Fluent
import Vapor
import WijknetStore

/// `/api-tokens`: a user lists, creates and revokes their own API tokens.
enum TokensPage {
    @Sendable static func show(req: Request) async throws -> Response {
        try await render(req, issued: nil)
    }

    static func render(_ req: Request, issued: String?) async throws -> Response {
        let user = try req.requireUser()
        let tokens = try await UserToken.query(on: req.db).filter(\.$user.$id == user.id!).sort(\.$createdAt, .descending).all()
        let rows = tokens.map { t -> Markup in
            let expired = t.expiresAt.map { $0 <= Date() } ?? true
            let action: Markup = t.revokedAt == nil && !expired ? """
                <form method="post" action="\(SiteURL.tokenRevoke(t.id!).path)" class="inline">\(Form.csrf(req))<button type="submit" class="danger">Intrekken</button></form>
                """ : (t.revokedAt == nil ? "Verlopen" : "Ingetrokken")
            return "<tr><td>\(t.name)</td><td>\(t.createdAt.map(CasePage.dutchDateTime) ?? "")</td><td>\(t.expiresAt.map(CasePage.dutchDateTime) ?? "")</td><td>\(t.lastUsedAt.map(CasePage.dutchDateTime) ?? "Nog niet")</td><td>\(action)</td></tr>"
        }
        let shown: Markup = issued.map { """
            <div class="flash" role="status"><p>Je nieuwe token (wordt maar één keer getoond):</p><p><code>\($0)</code></p></div>
            """ } ?? .empty
        return Layout.page("API-tokens", req, """
        <h1>API-tokens</h1>
        <p>Met een token roep je de API aan: <code>Authorization: Bearer &lt;token&gt;</code>. Een token werkt \(UserToken.lifetimeDays) dagen;
        daarna maak je een nieuw. De beschrijving van de API staat in <a href="\(APIPath.root)/openapi.json">\(APIPath.root)/openapi.json</a>.</p>
        \(shown)
        <form method="post" action="\(SiteURL.tokens.path)" class="narrow">\(Form.csrf(req))
        \(Form.text("name", "Naam van het token", FormState(), hint: "Bijvoorbeeld de koppeling waarvoor je het gebruikt"))
        <button type="submit">Token aanmaken</button></form>
        \(rows.isEmpty ? Markup.empty : Table.make(.shown("Jouw tokens"), columns: ["Naam", "Aangemaakt", "Werkt tot", "Laatst gebruikt", Table.hiddenColumn("Actie")], rows: rows))
        """)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let name = try TokenIssuing.name(try? req.content.get(String.self, at: "name"))
        let (token, _) = try await TokenIssuing.issue(for: try req.requireUser(), name: name, on: req.db)
        return try await render(req, issued: token)
    }

    @Sendable static func revoke(req: Request) async throws -> Response {
        try await TokenIssuing.revoke(try req.id(), of: try req.requireUser(), on: req.db)
        req.flash("Het token is ingetrokken.")
        return req.redirect(to: SiteURL.tokens.path)
    }
}
