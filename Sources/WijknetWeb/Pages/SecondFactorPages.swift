import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// The second factor in the browser: `/inloggen/code`, the second step of signing in, and
/// `/account/tweede-factor`, where a user links an authenticator app and gets recovery codes.
enum SecondFactorPages {
    /// Session keys of a sign-in half-way: whose password was right, and since when.
    static let pendingUser = "mfa_uid"
    static let pendingSince = "mfa_at"
    /// Minutes to type the code after the password.
    static let pendingMinutes = 5
    /// Session key: the identity provider asked the second factor at this sign-in.
    static let byProvider = "mfa_idp"

    static func codeForm(_ req: Request, _ state: FormState, carry: SessionPages.Carry?, status: HTTPResponseStatus = .ok) -> Response {
        let response = Layout.page("Code invullen", req, """
        <h1>Code invullen</h1>
        <p>Open je authenticator-app en typ de code van zes cijfers die bij Wijknet staat.
        Heb je je telefoon niet bij de hand, typ dan een van je herstelcodes.</p>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.loginCode.path)" class="narrow" novalidate>\(Form.csrf(req))\(carry?.hiddenFields ?? .empty)
        \(codeField(state))
        <button type="submit">Inloggen</button>
        </form>
        <p><a href="\(SiteURL.login.path)">Opnieuw beginnen</a></p>
        """)
        response.status = status
        return response
    }

    /// Half-way through signing in: the session knows whose code to ask for, and nobody is
    /// signed in yet.
    static func askCode(_ req: Request, _ user: User, carry: SessionPages.Carry?) async throws -> Response {
        try await req.renewSession()
        req.session.data[pendingUser] = try user.requireID().uuidString
        req.session.data[pendingSince] = String(Int(Date().timeIntervalSince1970))
        return codeForm(req, FormState(), carry: carry)
    }

    /// One field for both kinds of code: six digits, or a recovery code with its hyphen.
    static func codeField(_ state: FormState) -> Markup {
        let error = state.error("code")
        return """
        <div class="field\(Markup(raw: error != nil ? " has-error" : ""))"><label for="f-code">Code</label>\
        \(error.map { "<p class=\"field-error\" id=\"f-code-error\"><span class=\"visually-hidden\">Fout: </span>\($0)</p>" as Markup } ?? .empty)
        <input id="f-code" name="code" type="text" inputmode="text" autocomplete="one-time-code" spellcheck="false" required autofocus\
        \(Markup(raw: error != nil ? " aria-invalid=\"true\" aria-describedby=\"f-code-error\"" : ""))></div>
        """
    }

    /// The account whose password was right a moment ago in this session, if still in time.
    static func pending(_ req: Request) async throws -> User? {
        guard let raw = req.session.data[pendingUser], let id = UUID(uuidString: raw),
              let since = req.session.data[pendingSince].flatMap(Double.init),
              Date().timeIntervalSince1970 - since <= Double(pendingMinutes * 60),
              let user = try await User.find(id, on: req.db), user.isActive else { return nil }
        return user
    }

    @Sendable static func showCode(req: Request) async throws -> Response {
        guard try await pending(req) != nil else { return req.redirect(to: SiteURL.login.path) }
        return codeForm(req, FormState(), carry: nil)
    }

    @Sendable static func submitCode(req: Request) async throws -> Response {
        let carry = SessionPages.Carry(back: try? req.content.get(String.self, at: SessionPages.Carry.backField),
                                       kept: try? req.content.get(String.self, at: SessionPages.Carry.keptField))
        guard let user = try await pending(req) else {
            let state = FormState(errors: [.init("username", "Het duurde te lang om de code in te vullen. Log opnieuw in.")])
            return try await LoginPage.render(req, state, carry: carry, status: .unauthorized)
        }
        let code = (try? req.content.get(String.self, at: "code")) ?? ""
        do {
            try await SignIn.verifyCode(code, of: user, on: req)
            return try await LoginPage.signedIn(req, user, carry: carry)
        } catch let failure as SignIn.Failure {
            let response = codeForm(req, FormState(errors: [.init("code", failure.message)]), carry: carry,
                                    status: failure.status)
            if case .wait(let seconds) = failure { response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds)) }
            return response
        }
    }

    // MARK: enrolment

    @Sendable static func show(req: Request) async throws -> Response {
        try await render(req, FormState())
    }

    static func render(_ req: Request, _ state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        let factors = SecondFactors(db: req.db, vault: req.application.vault)
        let secret = try await factors.pending(user)
        let address = SecondFactors.address(secret: secret, username: user.username)
        let qr = try QRCode(text: address).svg(title: "QR-code om Wijknet aan je authenticator-app toe te voegen")
        let grouped = Base32.encode(secret).enumerated().map { $0.offset > 0 && $0.offset % 4 == 0 ? " \($0.element)" : "\($0.element)" }.joined()
        var current = Markup.empty
        if let since = user.totpEnabledAt {
            let left = try await factors.unusedRecoveryCodes(user)
            current = """
                <p class="status">De tweede factor staat aan sinds \(CasePage.dutchDateTime(since)). Je hebt nog \(left) ongebruikte herstelcodes.</p>
                <h2>Nieuwe telefoon of app</h2><p>Stel de tweede factor opnieuw in; je oude app en herstelcodes werken daarna niet meer.</p>
                """
        } else if SignIn.mustEnrol(user, req, secondFactorByProvider: req.session.data[byProvider] == "1") {
            current = "<p class=\"status\">Voor jouw rol is een tweede factor verplicht. Stel die eerst in; daarna kun je verder.</p>"
        }
        let response = Layout.page("Tweede factor", req, """
        <h1>Tweede factor</h1>
        \(current)
        <ol class="steps">
        <li>Installeer een authenticator-app op je telefoon, bijvoorbeeld die van Microsoft, Google of een andere die TOTP kent.</li>
        <li>Scan deze QR-code met de app:<div class="qr">\(qr)</div>
        Lukt scannen niet? Voer dan deze sleutel in de app in: <code class="secret">\(grouped)</code> (tijdgebaseerd, 6 cijfers).</li>
        <li>Typ de code die de app nu toont.</li>
        </ol>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.secondFactor.path)" class="narrow" novalidate>\(Form.csrf(req))
        \(codeField(state))
        <button type="submit">Tweede factor aanzetten</button>
        </form>
        """)
        response.status = status
        return response
    }

    @Sendable static func confirm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let code = (try? req.content.get(String.self, at: "code")) ?? ""
        let codes: [String]
        do {
            codes = try await SecondFactors(db: req.db, vault: req.application.vault).confirm(user, code: code, channel: req.auditChannel)
        } catch StoreError.invalid(let failure) {
            return try await render(req, FormState(errors: failure.errors), status: .unprocessableEntity)
        }
        let items = codes.map { c -> Markup in "<li><code>\(c)</code></li>" }
        return Layout.page("Tweede factor staat aan", req, """
        <h1>Tweede factor staat aan</h1>
        <p>Vanaf nu vraagt Wijknet bij het inloggen ook de code uit je app.</p>
        <h2>Je herstelcodes</h2>
        <p>Bewaar deze tien codes op een veilige plek, buiten je telefoon. Elke code werkt één keer, in plaats van de code uit de app.
        Je ziet ze alleen nu.</p>
        <ul class="recovery-codes">\(items)</ul>
        <p><a class="button" href="\(SiteURL.home.path)">Verder naar Wijknet</a></p>
        """)
    }
}

/// Keeps an account that must set up a second factor on the set-up page: every other page sends
/// it there, so nothing with personal data opens on a password alone.
struct RequireSecondFactor: AsyncMiddleware {
    static let allowed: Set<String> = [SiteURL.secondFactor.path, SiteURL.logout.path, SiteURL.sessionKeepAlive.path]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let user = request.currentUser, SignIn.mustEnrol(user, request, secondFactorByProvider: request.session.data[SecondFactorPages.byProvider] == "1"),
           !Self.allowed.contains(request.url.path) {
            return request.redirect(to: SiteURL.secondFactor.path)
        }
        return try await next.respond(to: request)
    }
}
