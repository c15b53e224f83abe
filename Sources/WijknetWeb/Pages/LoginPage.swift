import Vapor
import WijknetStore

/// `/inloggen` and `/uitloggen`.
enum LoginPage {
    @Sendable static func show(req: Request) async throws -> Response {
        if req.currentUser != nil { return req.redirect(to: SiteURL.home.path) }
        return try await render(req, FormState())
    }

    static func render(_ req: Request, _ state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let demo = req.application.wijknetConfig.demo ? try await demoAccounts(req) : .empty
        let response = Layout.page("Inloggen", req, """
        <h1>Inloggen</h1>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.login.path)" class="narrow">\(Form.csrf(req))
        \(Form.text("username", "Gebruikersnaam", state, autocomplete: "username"))
        \(Form.text("password", "Wachtwoord", FormState(values: [:], errors: state.errors), type: "password", autocomplete: "current-password"))
        <button type="submit">Inloggen</button>
        </form>
        \(demo)
        """)
        response.status = status
        return response
    }

    static func demoAccounts(_ req: Request) async throws -> Markup {
        let users = try await User.query(on: req.db).sort(\.$role).sort(\.$username).all()
        let rows = users.map { u -> Markup in "<tr><td>\(u.role.label)</td><td><code>\(u.username)</code></td><td>\(u.displayName)</td></tr>" }
        return """
        <section class="demo" aria-labelledby="demo-title"><h2 id="demo-title">Demo-accounts</h2>
        <p>Dit is een demonstratie met verzonnen gegevens. Elk account heeft het wachtwoord <code>\(DemoPassword.value)</code>.</p>
        <table><caption class="visually-hidden">Demo-accounts per rol</caption><thead><tr><th scope="col">Rol</th><th scope="col">Gebruikersnaam</th><th scope="col">Naam</th></tr></thead>
        <tbody>\(rows)</tbody></table></section>
        """
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        let username = (try? req.content.get(String.self, at: "username")) ?? ""
        let password = (try? req.content.get(String.self, at: "password")) ?? ""
        do {
            let user = try await SignIn.verify(username: username, password: password, on: req)
            try await req.renewSession()
            req.session.data["uid"] = try user.requireID().uuidString
            req.session.data["seen"] = String(Int(Date().timeIntervalSince1970))
            return req.redirect(to: SiteURL.home.path)
        } catch let failure as SignIn.Failure {
            let state = FormState(values: ["username": username], errors: [.init("username", failure.message)])
            guard case .wait(let seconds) = failure else { return try await render(req, state, status: .unauthorized) }
            let response = try await render(req, state, status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        }
    }

    @Sendable static func logout(req: Request) async throws -> Response {
        req.session.destroy()
        return req.redirect(to: SiteURL.login.path)
    }
}

extension Request {
    /// A new session id and CSRF token, with nothing of the old session kept: a session id
    /// planted before sign-in (session fixation) is worth nothing after it.
    func renewSession() async throws {
        if let old = session.id {
            try await application.sessions.driver.deleteSession(old, for: self).get()
        }
        session.id = nil
        session.data = SessionData()
    }
}

/// The one password of every demo account; only demo data uses it.
public enum DemoPassword {
    public static let value = "wijknet-demo"
}
