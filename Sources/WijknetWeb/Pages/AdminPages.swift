import Vapor
import WijknetCore
import WijknetStore

/// `/beheer`: areas, networks, organisations, memberships and products (reasons: `ReasonPages`).
/// Administrators only.
enum AdminPages {
    /// The administrator's service, after the page checked the role (the service checks again).
    static func service(_ req: Request) throws -> AdminService {
        try req.authorise(CasePolicy.mayAdminister)
        return try req.adminService()
    }

    /// Which of the three forms on the overview failed, with its input and errors.
    enum GeographyForm {
        case area, district, network

        var saved: String {
            switch self {
            case .area: "Het gebied is toegevoegd."
            case .district: "De wijk is toegevoegd."
            case .network: "Het wijknetwerk is toegevoegd."
            }
        }
    }

    @Sendable static func overview(req: Request) async throws -> Response {
        try await renderOverview(req, failed: nil, FormState())
    }

    static func renderOverview(_ req: Request, failed: GeographyForm?, _ state: FormState) async throws -> Response {
        _ = try service(req)
        let municipalities = try await Catalogue.municipalities(on: req.db)
        func form(_ which: GeographyForm) -> FormState { failed == which ? state : FormState() }
        let areas = try await Catalogue.areas(on: req.db)
        let networks = try await Catalogue.networks(on: req.db)
        let districts = try await Catalogue.districts(on: req.db)
        let areaRows = areas.map { a -> Markup in
            let network = networks.first { $0.$area.id == a.id }
            let wijken = districts.filter { $0.$area.id == a.id }.map(\.name).joined(separator: ", ")
            let link: Markup = network.map { "<a href=\"\(SiteURL.adminNetwork($0.id!).path)\">\($0.name)</a>" } ?? "Geen netwerk"
            return "<tr><td>\(a.name)</td><td>\(a.municipality.name)</td><td>\(wijken)</td><td>\(link)</td></tr>"
        }
        let areaOptions = areas.map { ($0.id!.uuidString, $0.name) }
        let weekdays = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"].enumerated().map { (String($0.offset + 1), $0.element) }
        let response = Layout.page("Beheer", req, """
        <h1>Beheer</h1>
        <ul><li><a href="\(SiteURL.adminOrganisations.path)">Organisaties en aanbieders</a></li><li><a href="\(SiteURL.adminProducts.path)">Producten</a></li><li><a href="\(SiteURL.adminReasons.path)">Redenen buiten het netwerk</a></li></ul>
        <table tabindex="0"><caption>Gebieden en wijknetwerken</caption><thead><tr><th scope="col">Gebied</th><th scope="col">Gemeente</th><th scope="col">Wijken</th><th scope="col">Wijknetwerk</th></tr></thead>
        <tbody>\(areaRows)</tbody></table>
        <details id="gebied" class="step"\(Markup(raw: failed == .area ? " open" : ""))><summary><h2>Gebied toevoegen</h2></summary>
        \(Form.errorSummary(form(.area)))
        <form method="post" action="\(SiteURL.adminAreas.path)" class="narrow" novalidate>\(Form.csrf(req))
        \(Form.text("name", "Naam", form(.area)))
        \(Form.select("municipalityId", "Gemeente", form(.area), options: municipalities.map { ($0.id!.uuidString, "\($0.name) (\($0.code))") }))
        <button type="submit">Gebied toevoegen</button></form></details>
        <details id="wijk" class="step"\(Markup(raw: failed == .district ? " open" : ""))><summary><h2>Wijk toevoegen</h2></summary>
        \(Form.errorSummary(form(.district)))
        <form method="post" action="\(SiteURL.adminDistricts.path)" class="narrow" novalidate>\(Form.csrf(req))
        \(Form.text("code", "CBS-wijkcode", form(.district), hint: "WK gevolgd door de gemeentecode en twee cijfers, bijvoorbeeld WK020201"))
        \(Form.text("name", "Naam", form(.district)))
        \(Form.select("areaId", "Gebied", form(.district), options: areaOptions))
        <button type="submit">Wijk toevoegen</button></form></details>
        <details id="netwerk" class="step"\(Markup(raw: failed == .network ? " open" : ""))><summary><h2>Wijknetwerk toevoegen</h2></summary>
        \(Form.errorSummary(form(.network)))
        <form method="post" action="\(SiteURL.adminNetworks.path)" class="narrow" novalidate>\(Form.csrf(req))
        \(Form.text("name", "Naam", form(.network)))
        \(Form.select("areaId", "Gebied", form(.network), options: areaOptions))
        \(Form.select("meetingWeekday", "Dag van het wekelijkse overleg", form(.network), options: weekdays, blank: nil))
        <button type="submit">Wijknetwerk toevoegen</button></form></details>
        """)
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }

    static func createGeography(_ req: Request, _ which: GeographyForm, fields: [String],
                                _ create: (AdminService, [String: String]) async throws -> Void) async throws -> Response {
        let values = req.formValues(fields)
        do {
            try await create(try service(req), values)
            req.flash(which.saved)
            return req.redirect(to: SiteURL.admin.path)
        } catch StoreError.invalid(let failure) {
            return try await renderOverview(req, failed: which, FormState(values: values, errors: failure.errors))
        }
    }

    @Sendable static func createArea(req: Request) async throws -> Response {
        try await createGeography(req, .area, fields: ["name", "municipalityId"]) { admin, v in
            _ = try await admin.createArea(AreaInput(name: v["name"], municipalityId: v["municipalityId"]))
        }
    }

    @Sendable static func createDistrict(req: Request) async throws -> Response {
        try await createGeography(req, .district, fields: ["code", "name", "areaId"]) { admin, v in
            _ = try await admin.createDistrict(DistrictInput(code: v["code"], name: v["name"], areaId: v["areaId"]))
        }
    }

    @Sendable static func createNetwork(req: Request) async throws -> Response {
        try await createGeography(req, .network, fields: ["name", "areaId", "meetingWeekday"]) { admin, v in
            _ = try await admin.createNetwork(NetworkInput(name: v["name"], areaId: v["areaId"], meetingWeekday: v["meetingWeekday"].flatMap(Int.init)))
        }
    }

    // MARK: organisations

    @Sendable static func organisations(req: Request) async throws -> Response {
        try await renderOrganisations(req, FormState())
    }

    static func renderOrganisations(_ req: Request, _ state: FormState) async throws -> Response {
        _ = try service(req)
        let organisations = try await Catalogue.organisations(on: req.db)
        let rows = organisations.map { o -> Markup in "<tr><td>\(o.name)</td><td>\(o.kind.label)</td><td>\(o.expertise.joined(separator: ", "))</td></tr>" }
        let response = Layout.page("Organisaties", req, """
        <h1>Organisaties en aanbieders</h1>
        <section aria-labelledby="nieuw"><h2 id="nieuw">Organisatie toevoegen</h2>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.adminOrganisations.path)" class="narrow" novalidate>\(Form.csrf(req))
        \(Form.text("name", "Naam", state))
        \(Form.select("kind", "Soort", state, options: OrganisationKind.allCases.map { ($0.rawValue, $0.label) }))
        \(Form.text("expertise", "Expertise", state, need: .optional, hint: "Gescheiden door komma's, bijvoorbeeld: verslaving, autisme"))
        <button type="submit">Toevoegen</button></form></section>
        \(Table.make(.shown("\(organisations.count) organisaties"), columns: ["Naam", "Soort", "Expertise"], rows: rows))
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func createOrganisation(req: Request) async throws -> Response {
        let v = req.formValues(["name", "kind", "expertise"])
        let tags = (v["expertise"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        do {
            _ = try await service(req).createOrganisation(OrganisationInput(name: v["name"], kind: v["kind"], expertise: tags))
            req.flash("De organisatie is toegevoegd.")
            return req.redirect(to: SiteURL.adminOrganisations.path)
        } catch StoreError.invalid(let failure) {
            let errors = failure.errors.map { $0.field.hasPrefix("expertise") ? FieldError("expertise", $0.message) : $0 }
            return try await renderOrganisations(req, FormState(values: v, errors: errors))
        }
    }

    // MARK: network memberships

    @Sendable static func network(req: Request) async throws -> Response {
        try await renderNetwork(req, id: try req.id(), FormState())
    }

    static func renderNetwork(_ req: Request, id: UUID, _ state: FormState, endState: FormState = FormState()) async throws -> Response {
        _ = try service(req)
        guard let network = try await WijknetStore.Network.find(id, on: req.db) else { throw StoreError.notFound(what: "netwerk") }
        let memberships = try await Catalogue.memberships(on: req.db, network: id)
        let organisations = try await Catalogue.organisations(on: req.db)
        let rows = memberships.map { m -> Markup in
            let end: Markup = m.end.map { "\(CalendarDate($0)?.dutch ?? $0)" } ?? """
                <form method="post" action="\(SiteURL.adminMembershipEnd(id, m.id!).path)" class="inline">\(Form.csrf(req))
                <label for="end-\(m.id!.uuidString)" class="visually-hidden">Einddatum voor \(m.organisation.name)</label>
                <input type="date" id="end-\(m.id!.uuidString)" name="endDate" required> <button type="submit" class="danger">Lidmaatschap beëindigen…</button></form>
                """
            return Table.row(["\(m.organisation.name)", "\(m.organisation.kind.label)", "\(m.ring.label)", "\(CalendarDate(m.start)?.dutch ?? m.start)",
                              end, "\(m.capacityHoursPerWeek.map(CasePage.hours) ?? "–")"])
        }
        var values = state
        if values["startDate"].isEmpty && state.errors.isEmpty { values.values["startDate"] = CalendarDate.today().description }
        let response = Layout.page(network.name, req, """
        <h1>\(network.name)</h1>
        \(Form.errorSummary(endState))
        \(Table.make(.shown("Leden van het netwerk (de geschiedenis blijft bewaard)"), columns: ["Organisatie", "Soort", "Ring", "Vanaf", "Tot en met", "Capaciteit (uur/week)"], rows: rows))
        <section aria-labelledby="lid"><h2 id="lid">Organisatie toevoegen aan het netwerk</h2>
        \(Form.errorSummary(values))
        <form method="post" action="\(SiteURL.adminNetwork(id).path)" class="narrow" novalidate>\(Form.csrf(req))
        \(Form.select("organisationId", "Organisatie", values, options: organisations.map { ($0.id!.uuidString, "\($0.name) – \($0.kind.label)") }))
        \(Form.select("ring", "Ring", values, options: NetworkRing.allCases.map { ($0.rawValue, $0.label) }, blank: nil))
        \(Form.text("startDate", "Vanaf", values, type: "date"))
        \(Form.text("endDate", "Tot en met", values, type: "date", need: .optional))
        \(Form.text("capacityHoursPerWeek", "Capaciteit in uren per week", values, need: .optional))
        <button type="submit">Toevoegen</button></form></section>
        """)
        if !state.errors.isEmpty || !endState.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func addMembership(req: Request) async throws -> Response {
        let id = try req.id()
        let v = req.formValues(["organisationId", "ring", "startDate", "endDate", "capacityHoursPerWeek"])
        let input = MembershipInput(organisationId: v["organisationId"], ring: v["ring"], startDate: v["startDate"], endDate: v["endDate"],
                                    capacityHoursPerWeek: Form.number(v["capacityHoursPerWeek"]))
        do {
            _ = try await service(req).addMembership(network: id, input)
            req.flash("Het lidmaatschap is toegevoegd.")
            return req.redirect(to: SiteURL.adminNetwork(id).path)
        } catch StoreError.invalid(let failure) {
            return try await renderNetwork(req, id: id, FormState(values: v, errors: failure.errors))
        }
    }

    /// Ending a membership changes from that day whether care at the organisation counts as inside
    /// the network, so the administrator confirms it first on a page of its own.
    @Sendable static func endMembership(req: Request) async throws -> Response {
        let network = try req.id()
        let endDate = try? req.content.get(String.self, at: "endDate")
        guard (try? req.content.get(String.self, at: "confirm")) == "ja" else { return try await confirmEnd(req, network: network, endDate: endDate ?? "") }
        do {
            _ = try await service(req).endMembership(try req.id("membership"), MembershipEndInput(endDate: endDate))
            req.flash("Het lidmaatschap is beëindigd.")
            return req.redirect(to: SiteURL.adminNetwork(network).path)
        } catch StoreError.invalid(let failure) {
            return try await renderNetwork(req, id: network, FormState(), endState: FormState(errors: failure.errors))
        }
    }

    static func confirmEnd(_ req: Request, network: UUID, endDate: String) async throws -> Response {
        _ = try service(req)
        let membershipID = try req.id("membership")
        guard let membership = try await Catalogue.memberships(on: req.db, network: network).first(where: { $0.id == membershipID }) else {
            throw StoreError.notFound(what: "lidmaatschap")
        }
        let day = CalendarDate(endDate)?.dutch ?? endDate
        return Layout.page("Lidmaatschap beëindigen", req, """
        <h1>Lidmaatschap van \(membership.organisation.name) beëindigen?</h1>
        <p>Vanaf de dag na \(day) is \(membership.organisation.name) geen netwerkpartner meer. Nieuwe toewijzingen vallen dan buiten het
        netwerk; wat al liep, blijft zoals het was. De geschiedenis van het lidmaatschap blijft bewaard.</p>
        <form method="post" action="\(SiteURL.adminMembershipEnd(network, membershipID).path)">\(Form.csrf(req))\(Form.hidden("endDate", endDate))\(Form.hidden("confirm", "ja"))
        <button type="submit" class="danger">Ja, beëindigen per \(day)</button> <a href="\(SiteURL.adminNetwork(network).path)">Annuleren</a></form>
        """)
    }

    // MARK: products

    @Sendable static func products(req: Request) async throws -> Response {
        try await renderProducts(req, FormState())
    }

    static func renderProducts(_ req: Request, _ state: FormState) async throws -> Response {
        _ = try service(req)
        let products = try await Catalogue.products(on: req.db)
        let rows = products.map { p -> Markup in "<tr><td>\(p.code)</td><td>\(p.name)</td><td>\(p.law.label)</td><td>\(p.level.label)</td><td>\(p.categoryCode)</td></tr>" }
        let response = Layout.page("Producten", req, """
        <h1>Producten</h1>
        \(Table.make(.shown("Productenlijst met productcategorie (iWmo WMO020, iJw JZ020)"), columns: ["Code", "Naam", "Wet", "Zwaarte", "Categorie"], rows: rows))
        <section aria-labelledby="nieuw"><h2 id="nieuw">Product toevoegen</h2>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.adminProducts.path)" class="narrow" novalidate>\(Form.csrf(req))
        \(Form.text("code", "Productcode", state))
        \(Form.text("name", "Naam", state))
        \(Form.select("law", "Wet", state, options: Law.allCases.map { ($0.rawValue, $0.label) }))
        \(Form.select("level", "Zwaarte", state, options: ProductLevel.allCases.map { ($0.rawValue, $0.label) }, blank: nil))
        \(Form.text("categoryCode", "Productcategorie", state, hint: "Twee cijfers, bijvoorbeeld 02 (Begeleiding, Wmo) of 45 (Jeugdhulp ambulant)"))
        <button type="submit">Toevoegen</button></form></section>
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func createProduct(req: Request) async throws -> Response {
        let v = req.formValues(["code", "name", "law", "level", "categoryCode"])
        do {
            _ = try await service(req).createProduct(ProductInput(code: v["code"], name: v["name"], law: v["law"], level: v["level"], categoryCode: v["categoryCode"]))
            req.flash("Het product is toegevoegd.")
            return req.redirect(to: SiteURL.adminProducts.path)
        } catch StoreError.invalid(let failure) {
            return try await renderProducts(req, FormState(values: v, errors: failure.errors))
        }
    }
}
