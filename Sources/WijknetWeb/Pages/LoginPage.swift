import Fluent
import Vapor
import WijknetStore

/// `/inloggen` and `/uitloggen`.
enum LoginPage {
    /// `?terug=` names the page to open after signing in.
    @Sendable static func show(req: Request) async throws -> Response {
        let carry = SessionPages.Carry(back: req.query[String.self, at: SessionPages.Carry.backField], kept: nil)
        if req.currentUser != nil { return req.redirect(to: carry?.back.path ?? SiteURL.home.path) }
        return try await render(req, FormState(), carry: carry)
    }

    /// `expired`: the user was signed out for being idle while filling in a form (`carry`).
    static func render(_ req: Request, _ state: FormState, carry: SessionPages.Carry?, status: HTTPResponseStatus = .ok,
                       expired: Bool = false) async throws -> Response {
        let demo = req.application.wijknetConfig.demo ? try await demoAccounts(req) : .empty
        let minutes = req.application.wijknetConfig.sessionMinutes
        let title = expired ? "Je sessie is verlopen" : "Inloggen"
        let why = req.endedSession != nil ? "Je was \(minutes) minuten niet actief in Wijknet en bent daarom uitgelogd."
                                          : "Je bent niet meer ingelogd, bijvoorbeeld omdat je in een ander venster bent uitgelogd."
        let intro: Markup = expired ? """
            <p>\(why) Log opnieuw in.\(carry?.kept == nil ? "" : " Wat je had ingevuld, is niet weg: daarna kun je het versturen.")</p>
            """ : .empty
        let config = req.application.wijknetConfig
        let passwordForm: Markup = config.localPasswords ? """
            <form method="post" action="\(SiteURL.login.path)" class="narrow">\(Form.csrf(req))\(carry?.hiddenFields ?? .empty)
            \(Form.text("username", "Gebruikersnaam", state, autocomplete: "username"))
            \(Form.text("password", "Wachtwoord", FormState(values: [:], errors: state.errors), type: "password", autocomplete: "current-password"))
            <button type="submit">Inloggen</button>
            </form>
            """ : .empty
        let response = Layout.page(title, req, """
        <h1>\(title)</h1>
        \(intro)
        \(Form.errorSummary(state))
        \(config.sso.map { ssoLink($0, carry: carry, alone: !config.localPasswords) } ?? .empty)
        \(passwordForm)
        \(demo)
        """)
        response.status = status
        return response
    }

    /// The way to the identity provider; with passwords beside it, as the first of two ways.
    /// (`f-sso`: where the error summary points for a failed single sign-on.)
    static func ssoLink(_ settings: OIDCSettings, carry: SessionPages.Carry?, alone: Bool) -> Markup {
        let back = carry.map { "?\(SessionPages.Carry.backField)=" + ($0.back.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? ""
        return """
        <p class="sso"><a id="f-sso" class="button" href="\(SiteURL.ssoStart.path + back)">\(settings.label)</a></p>
        \(alone ? Markup.empty : "<p>Of log in met je gebruikersnaam en wachtwoord van Wijknet:</p>")
        """
    }

    static func demoAccounts(_ req: Request) async throws -> Markup {
        let users = try await User.query(on: req.db).filter(\.$deactivatedAt == nil).sort(\.$role).sort(\.$username).all()
        let rows = users.map { u -> Markup in "<tr><td>\(u.role.label)</td><td><code>\(u.username)</code></td><td>\(u.displayName)</td></tr>" }
        return """
        <section class="demo" aria-labelledby="demo-title"><h2 id="demo-title">Demo-accounts</h2>
        <p>Dit is een demonstratie met verzonnen gegevens. Elk account heeft het wachtwoord <code>\(DemoPassword.value)</code>.</p>
        <table tabindex="0"><caption class="visually-hidden">Demo-accounts per rol</caption><thead><tr><th scope="col">Rol</th><th scope="col">Gebruikersnaam</th><th scope="col">Naam</th></tr></thead>
        <tbody>\(rows)</tbody></table></section>
        """
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        let username = (try? req.content.get(String.self, at: "username")) ?? ""
        let password = (try? req.content.get(String.self, at: "password")) ?? ""
        let carry = SessionPages.Carry(back: try? req.content.get(String.self, at: SessionPages.Carry.backField),
                                       kept: try? req.content.get(String.self, at: SessionPages.Carry.keptField))
        do {
            let user = try await SignIn.verify(username: username, password: password, on: req)
            guard user.hasSecondFactor else { return try await signedIn(req, user, carry: carry) }
            return try await SecondFactorPages.askCode(req, user, carry: carry)
        } catch let failure as SignIn.Failure {
            let state = FormState(values: ["username": username], errors: [.init("username", failure.message)])
            guard case .wait(let seconds) = failure else { return try await render(req, state, carry: carry, status: failure.status) }
            let response = try await render(req, state, carry: carry, status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        }
    }

    /// Both steps passed: a new session for the user, then where they were going. An account that
    /// must set up a second factor goes there first (`RequireSecondFactor` keeps it there).
    static func signedIn(_ req: Request, _ user: User, carry: SessionPages.Carry?) async throws -> Response {
        try await startSession(req, user)
        if SignIn.mustEnrol(user, req) { return req.redirect(to: SiteURL.secondFactor.path) }
        guard let carry else { return req.redirect(to: SiteURL.home.path) }
        guard carry.kept != nil else { return req.redirect(to: carry.back.path) }
        return SessionPages.resubmit(req, carry, title: "Je bent weer ingelogd", intro: "Er is nog niets opgeslagen van wat je invulde voordat je sessie verliep.")
    }

    /// A new session for a user who passed every step. `secondFactorByProvider`: the identity
    /// provider asked the second factor, so Wijknet does not ask its own.
    static func startSession(_ req: Request, _ user: User, secondFactorByProvider: Bool = false) async throws {
        try await SignIn.complete(user, on: req)
        try await req.renewSession()
        req.session.data["uid"] = try user.requireID().uuidString
        req.session.data["seen"] = String(Int(Date().timeIntervalSince1970))
        if secondFactorByProvider { req.session.data[SecondFactorPages.byProvider] = "1" }
        req.currentUser = user
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
