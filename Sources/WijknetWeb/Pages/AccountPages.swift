import Vapor
import WijknetCore
import WijknetStore

/// `/beheer/accounts`: the administrator creates accounts, changes their role and scope, hands out
/// one-time links to set a password, and deactivates accounts.
enum AccountPages {
    static let fields = ["username", "displayName", "email", "role", "areaId", "organisationId"]
    /// Not "role": the form for a new account on the same page has a field of that name.
    static let filterNames = ["q", "filterRole", "status"]

    static func service(_ req: Request) throws -> AccountService {
        try req.authorise(CasePolicy.mayManageAccounts)
        return try req.accountService()
    }

    @Sendable static func list(req: Request) async throws -> Response {
        try await renderList(req, FormState())
    }

    static func renderList(_ req: Request, _ state: FormState) async throws -> Response {
        let service = try service(req)
        let values = req.queryValues(filterNames)
        let filter = AccountService.Filter(role: values["filterRole"].flatMap(Role.init(rawValue:)), text: values["q"],
                                           includeDeactivated: values["status"] != "active")
        let page = try await service.list(filter, try req.paging())
        let rows = page.items.map { u -> Markup in
            Table.row(["<a href=\"\(SiteURL.adminAccount(u.id!).path)\">\(u.username)</a>", "\(u.displayName)", "\(u.role.label)", "\(scope(u))",
                       "\(u.email ?? "–")", "\(u.lastSignInAt.map(CasePage.dutchDateTime) ?? "Nog niet")",
                       u.isActive ? "Actief" : "<strong>Gedeactiveerd</strong>"])
        }
        let filters = FormState(values: values)
        let response = Layout.page("Accounts", req, """
        <h1>Accounts</h1>
        <form method="get" action="\(SiteURL.adminAccounts.path)" class="filters" role="search" aria-label="Accounts zoeken">
        \(Form.text("q", "Zoeken", filters, type: "search", need: .filter, hint: "In gebruikersnaam en naam"))
        \(Form.select("filterRole", "Rol", filters, options: Role.allCases.map { ($0.rawValue, $0.label) }, need: .filter, blank: "Alle"))
        \(Form.select("status", "Status", filters, options: [("active", "Alleen actieve")], need: .filter, blank: "Alle"))
        <button type="submit">Zoeken</button></form>
        \(rows.isEmpty ? "<p>Geen accounts gevonden.</p>" as Markup
            : Table.make(.shown("\(page.total.formattedDutch) accounts"), columns: ["Gebruikersnaam", "Naam", "Rol", "Werkt voor", "E-mail", "Laatst ingelogd", "Status"], rows: rows))
        \(Pagination.nav(page, path: SiteURL.adminAccounts.path, query: values))
        <section aria-labelledby="nieuw"><h2 id="nieuw">Nieuw account</h2>
        <p>Na het aanmaken krijg je een eenmalige link waarmee de nieuwe gebruiker zelf een wachtwoord kiest.</p>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.adminAccounts.path)" class="narrow" novalidate>\(Form.csrf(req))
        \(Form.text("username", "Gebruikersnaam", state, hint: "Kleine letters, cijfers, punt of koppelteken; wordt nooit opnieuw uitgegeven."))
        \(try await accountFields(req, state))
        <button type="submit">Account aanmaken</button></form></section>
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    /// Name, e-mail, role and the scope the role needs.
    static func accountFields(_ req: Request, _ state: FormState) async throws -> Markup {
        let areas = try await Catalogue.areas(on: req.db).map { ($0.id!.uuidString, $0.name) }
        let organisations = try await Catalogue.organisations(on: req.db)
            .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }.map { ($0.id!.uuidString, "\($0.name) – \($0.kind.label)") }
        return """
        \(Form.text("displayName", "Naam", state))
        \(Form.text("email", "E-mailadres", state, type: "email", need: .optional, autocomplete: "off"))
        \(Form.select("role", "Rol", state, options: Role.allCases.map { ($0.rawValue, $0.label) }))
        \(Form.select("areaId", "Gebied", state, options: areas, need: .when("Verplicht voor een wijkcoach en een voorzitter.")))
        \(Form.select("organisationId", "Organisatie", state, options: organisations, need: .when("Verplicht voor een professional netwerkpartner.")))
        """
    }

    static func scope(_ user: User) -> String {
        [user.area?.name, user.organisation?.name].compactMap { $0 }.joined(separator: ", ").isEmpty
            ? "–" : [user.area?.name, user.organisation?.name].compactMap { $0 }.joined(separator: ", ")
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let values = req.formValues(fields)
        let input = AccountInput(username: values["username"], displayName: values["displayName"], email: values["email"], role: values["role"],
                                 areaId: values["areaId"], organisationId: values["organisationId"])
        do {
            let (user, link) = try await service(req).create(input)
            return try await renderAccount(req, user, FormState(), link: link, flash: "Het account \(user.username) is aangemaakt.")
        } catch StoreError.invalid(let failure) {
            return try await renderList(req, FormState(values: values, errors: failure.errors))
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try await service(req).find(try req.id())
        return try await renderAccount(req, user, FormState())
    }

    /// One account: its details to change, a new password link, and deactivation. `link` is shown
    /// once, right after it was made; only its hash is kept.
    static func renderAccount(_ req: Request, _ user: User, _ state: FormState, link: String? = nil, flash: String? = nil,
                              status: HTTPResponseStatus = .ok) async throws -> Response {
        let id = try user.requireID()
        var values = state
        if state.errors.isEmpty {
            values.values = ["displayName": user.displayName, "email": user.email ?? "", "role": user.role.rawValue,
                             "areaId": user.$area.id?.uuidString ?? "", "organisationId": user.$organisation.id?.uuidString ?? ""]
        }
        let linkBox: Markup = link.map { token -> Markup in
            let url = req.publicURL(SiteURL.passwordSet(token).path)
            return """
            <div class="flash" role="status"><p>Geef deze link aan \(user.displayName). Hij werkt één keer en \(PasswordLink.lifetimeHours) uur lang;
            daarna is een nieuwe nodig. Wijknet toont hem maar één keer.</p><p><code>\(url)</code></p></div>
            """
        } ?? .empty
        let actions: Markup = user.isActive ? """
            <section aria-labelledby="toegang"><h2 id="toegang">Toegang</h2>
            <form method="post" action="\(SiteURL.adminAccountPasswordLink(id).path)" class="inline">\(Form.csrf(req))<button type="submit">Nieuwe wachtwoordlink maken</button></form>
            <form method="post" action="\(SiteURL.adminAccountDeactivate(id).path)" class="inline">\(Form.csrf(req))<button type="submit" class="danger">Account deactiveren…</button></form>
            \(user.hasSecondFactor ? "<form method=\"post\" action=\"\(SiteURL.adminAccountSecondFactor(id).path)\" class=\"inline\">\(Form.csrf(req))<button type=\"submit\" class=\"danger\">Tweede factor terugzetten…</button></form>" as Markup : .empty)
            </section>
            """ : "<p><strong>Gedeactiveerd</strong> op \(user.deactivatedAt.map(CasePage.dutchDateTime) ?? "–"). Het account en zijn sporen in het auditlog blijven bewaard.</p>"
        let response = Layout.page("Account \(user.username)", req, flash: flash, """
        <h1>Account \(user.username)</h1>
        \(linkBox)
        <p>Laatst ingelogd: \(user.lastSignInAt.map(CasePage.dutchDateTime) ?? "nog niet"). Tweede factor: \(user.totpEnabledAt.map { "aan sinds \(CasePage.dutchDateTime($0))" } ?? "niet ingesteld").</p>
        \(Form.errorSummary(values))
        <form method="post" action="\(SiteURL.adminAccount(id).path)" class="narrow" novalidate>\(Form.csrf(req))
        \(try await accountFields(req, values))
        <button type="submit">Opslaan</button></form>
        \(actions)
        <p><a href="\(SiteURL.adminAccounts.path)">Alle accounts</a></p>
        """)
        response.status = status
        return response
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let service = try service(req)
        let id = try req.id()
        let values = req.formValues(fields)
        let input = AccountInput(displayName: values["displayName"], email: values["email"], role: values["role"],
                                 areaId: values["areaId"], organisationId: values["organisationId"])
        do {
            let user = try await service.update(id, input)
            req.flash("De wijzigingen zijn opgeslagen.")
            return req.redirect(to: SiteURL.adminAccount(try user.requireID()).path)
        } catch StoreError.invalid(let failure) {
            return try await renderAccount(req, try await service.find(id), FormState(values: values, errors: failure.errors), status: .unprocessableEntity)
        }
    }

    @Sendable static func passwordLink(req: Request) async throws -> Response {
        let service = try service(req)
        let id = try req.id()
        do {
            let link = try await service.passwordLink(id)
            return try await renderAccount(req, try await service.find(id), FormState(), link: link)
        } catch StoreError.invalid(let failure) {
            return try await renderAccount(req, try await service.find(id), FormState(errors: failure.errors), status: .unprocessableEntity)
        }
    }

    /// Asks first; `confirm=ja` deactivates.
    @Sendable static func deactivate(req: Request) async throws -> Response {
        try await confirmed(req, title: "Account deactiveren", button: "Ja, deactiveren", action: SiteURL.adminAccountDeactivate) { user in
            (heading: "Account \(user.username) deactiveren?",
             text: "\(user.displayName) kan dan niet meer inloggen; open sessies en API-tokens stoppen meteen. Het account en zijn sporen in het auditlog blijven bewaard, en de gebruikersnaam wordt nooit opnieuw uitgegeven.",
             done: "Het account \(user.username) is gedeactiveerd.")
        } perform: { service, id in
            try await service.deactivate(id)
        }
    }

    /// Asks first; `confirm=ja` switches the account's second factor off.
    @Sendable static func resetSecondFactor(req: Request) async throws -> Response {
        try await confirmed(req, title: "Tweede factor terugzetten", button: "Ja, terugzetten", action: SiteURL.adminAccountSecondFactor) { user in
            (heading: "Tweede factor van \(user.username) terugzetten?",
             text: "Doe dit alleen als \(user.displayName) telefoon én herstelcodes kwijt is, en je zeker weet dat je met die persoon spreekt. De app en de herstelcodes werken daarna niet meer; bij de volgende keer inloggen stelt \(user.displayName) een nieuwe tweede factor in.",
             done: "De tweede factor van \(user.username) is teruggezet.")
        } perform: { service, id in
            try await service.resetSecondFactor(id, vault: req.application.vault)
        }
    }

    /// A destructive step on an account: a page that says what changes and asks to confirm, then
    /// (with `confirm=ja`) the step, back to the account with what was done or why not.
    private static func confirmed(_ req: Request, title: String, button: String, action: (UUID) -> SiteURL,
                                  words: (User) -> (heading: String, text: String, done: String),
                                  perform: (AccountService, UUID) async throws -> Void) async throws -> Response {
        let service = try service(req)
        let id = try req.id()
        let user = try await service.find(id)
        let said = words(user)
        guard (try? req.content.get(String.self, at: "confirm")) == "ja" else {
            return Layout.page(title, req, """
            <h1>\(said.heading)</h1>
            <p>\(said.text)</p>
            <form method="post" action="\(action(id).path)">\(Form.csrf(req))\(Form.hidden("confirm", "ja"))
            <button type="submit" class="danger">\(button)</button> <a href="\(SiteURL.adminAccount(id).path)">Annuleren</a></form>
            """)
        }
        do {
            try await perform(service, id)
        } catch StoreError.invalid(let failure) {
            return try await renderAccount(req, user, FormState(errors: failure.errors), status: .unprocessableEntity)
        }
        req.flash(said.done)
        return req.redirect(to: SiteURL.adminAccount(id).path)
    }
}

/// `/wachtwoord/:token`: the person behind a one-time link chooses their password.
enum PasswordPage {
    @Sendable static func form(req: Request) async throws -> Response {
        guard req.application.wijknetConfig.localPasswords else { return passwordsOff(req) }
        let token = req.parameters.get("token") ?? ""
        guard let user = try await PasswordLinks.account(for: token, on: req.db) else { return unusable(req) }
        return render(req, token: token, user: user, FormState())
    }

    static func render(_ req: Request, token: String, user: User, _ state: FormState, status: HTTPResponseStatus = .ok) -> Response {
        let response = Layout.page("Wachtwoord kiezen", req, """
        <h1>Wachtwoord kiezen</h1>
        <p>Voor het account <strong>\(user.username)</strong>. Kies een wachtwoord van minstens \(PasswordRule.minimumLength) tekens, bijvoorbeeld
        een zin van een paar woorden. Hoofdletters, cijfers of tekens zijn niet nodig.</p>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.passwordSet(token).path)" class="narrow" novalidate>\(Form.csrf(req))
        \(Form.text("password", "Nieuw wachtwoord", FormState(errors: state.errors), type: "password", autocomplete: "new-password"))
        \(Form.text("repeat", "Nog een keer", FormState(errors: state.errors), type: "password", autocomplete: "new-password"))
        <button type="submit">Wachtwoord opslaan</button></form>
        """)
        response.status = status
        return response
    }

    /// Single sign-on only: a password of Wijknet would open nothing.
    static func passwordsOff(_ req: Request) -> Response {
        let response = Layout.page("Geen wachtwoord nodig", req, """
        <h1>Geen wachtwoord nodig</h1>
        <p>\(SignIn.Failure.passwordsOff.message)</p>
        <p><a class="button" href="\(SiteURL.login.path)">Naar inloggen</a></p>
        """)
        response.status = .forbidden
        return response
    }

    static func unusable(_ req: Request) -> Response {
        let response = Layout.page("Link werkt niet meer", req, """
        <h1>Deze link werkt niet meer</h1>
        <p>Een wachtwoordlink werkt één keer en \(PasswordLink.lifetimeHours) uur lang. Vraag de beheerder om een nieuwe.</p>
        """)
        response.status = .notFound
        return response
    }

    @Sendable static func save(req: Request) async throws -> Response {
        guard req.application.wijknetConfig.localPasswords else { return passwordsOff(req) }
        let token = req.parameters.get("token") ?? ""
        guard let user = try await PasswordLinks.account(for: token, on: req.db) else { return unusable(req) }
        let password = (try? req.content.get(String.self, at: "password")) ?? ""
        guard password == ((try? req.content.get(String.self, at: "repeat")) ?? "") else {
            return render(req, token: token, user: user, FormState(errors: [FieldError("repeat", "De twee wachtwoorden zijn niet gelijk.")]), status: .unprocessableEntity)
        }
        let app = req.application
        do {
            _ = try await PasswordLinks.redeem(token, password: password, hasher: { try app.password.hash($0) }, on: req.db)
        } catch StoreError.invalid(let failure) {
            return render(req, token: token, user: user, FormState(errors: failure.errors), status: .unprocessableEntity)
        } catch StoreError.notFound {
            return unusable(req)
        }
        req.flash("Je wachtwoord is ingesteld. Log nu in.")
        return req.redirect(to: SiteURL.login.path)
    }
}
