import Vapor
import WijknetCore
import WijknetStore

/// `/inwoners`: find a resident for a new request, or register one.
enum ResidentsPage {
    static let fields = ["givenName", "familyName", "birthDate", "bsn", "street", "houseNumber", "postcode", "city", "districtId", "householdId"]

    /// The search form posts, so that a BSN typed into it never lands in a URL or a server log.
    @Sendable static func search(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.mayRegister)
        let q = req.method == .POST ? ((try? req.content.get(String.self, at: "q")) ?? "") : ""
        let found = q.isEmpty ? [] : try await req.residentService().search(q)
        let rows = found.map { r -> Markup in
            """
            <tr><td><a href="\(SiteURL.resident(r.id!).path)">\(r.fullName)</a></td><td>\(CalendarDate(r.birthDate)?.dutch ?? r.birthDate)</td><td>\(r.district.name)</td>
            <td><a href="\(SiteURL.newRequest.path)?resident=\(r.id!.uuidString)">Nieuw verzoek voor \(r.fullName)</a><br>
            <a href="\(SiteURL.newResident.path)?huisgenoot=\(r.id!.uuidString)">Huisgenoot van \(r.fullName) registreren</a><br>
            <a href="\(SiteURL.residentZRM(r.id!).path)">Zelfredzaamheid (ZRM) van \(r.fullName)</a></td></tr>
            """
        }
        let results: Markup = q.isEmpty ? .empty : (rows.isEmpty ? "<p>Geen inwoner gevonden in jouw gebied.</p>" : """
            \(Table.make(.shown("Gevonden inwoners"), columns: ["Naam", "Geboortedatum", "Wijk", Table.hiddenColumn("Actie")], rows: rows))
            """)
        return Layout.page("Inwoner zoeken", req, """
        <h1>Inwoner zoeken</h1>
        <form method="post" action="\(SiteURL.residents.path)" role="search" class="narrow">\(Form.csrf(req))
        \(Form.text("q", "Naam of BSN", FormState(values: ["q": q]), type: "search", need: .filter))
        <button type="submit">Zoeken</button></form>
        \(results)
        <p><a class="button" href="\(SiteURL.newResident.path)">Nieuwe inwoner registreren</a></p>
        <p><a href="\(SiteURL.caseHistoryImport.path)">Dossiers van vóór Wijknet importeren</a></p>
        """)
    }

    /// With `?huisgenoot=ID` the new resident joins that resident's household, at the same address.
    @Sendable static func new(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.mayRegister)
        guard let raw = try? req.query.get(String.self, at: "huisgenoot"), let id = UUID(uuidString: raw) else {
            return try await render(req, FormState())
        }
        let member = try await req.residentService().find(id)
        return try await render(req, FormState(values: [
            "familyName": member.familyName, "street": member.street, "houseNumber": member.houseNumber, "postcode": member.postcode,
            "city": member.city, "districtId": member.$district.id.uuidString, "householdId": member.$household.id.uuidString,
        ]), householdOf: member.fullName)
    }

    static func render(_ req: Request, _ state: FormState, householdOf: String? = nil, notice: String? = nil) async throws -> Response {
        let actor = try req.actor()
        let districts = try await Catalogue.districts(on: req.db, area: actor.areaID)
        let response = Layout.page("Nieuwe inwoner", req, flash: notice, """
        <h1>Nieuwe inwoner registreren</h1>
        \(householdOf.map { name -> Markup in "<p>Deze inwoner wordt lid van het huishouden van \(name).</p>" } ?? .empty)
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.newResident.path)" class="narrow" novalidate>\(Form.csrf(req))
        \(state["householdId"].isEmpty ? Markup.empty : Form.hidden("householdId", state["householdId"]))
        \(detailFields(state, districts: districts, suggestsDistrict: true))
        <button type="submit">Registreren</button>
        </form>
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    /// The resident's details as form fields, for registering and for correcting.
    /// `suggestsDistrict`: registering fills an empty wijk in from the address (see `create`).
    static func detailFields(_ state: FormState, districts: [District], suggestsDistrict: Bool = false) -> Markup {
        """
        \(Form.text("givenName", "Voornaam", state))
        \(Form.text("familyName", "Achternaam", state))
        \(Form.text("birthDate", "Geboortedatum", state, type: "date"))
        \(Form.text("bsn", "BSN", state, hint: "9 cijfers; wordt gecontroleerd met de elfproef"))
        \(Form.text("street", "Straat", state))
        \(Form.text("houseNumber", "Huisnummer", state))
        \(Form.text("postcode", "Postcode", state))
        \(Form.text("city", "Woonplaats", state))
        \(Form.select("districtId", "Wijk", state, options: districts.map { ($0.id!.uuidString, "\($0.name) (\($0.code))") },
                      hint: suggestsDistrict ? "Weet je de wijk niet, laat dit dan leeg: Wijknet stelt er een voor op basis van de postcode of straat." : nil))
        """
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let values = req.formValues(fields)
        let input = ResidentInput(givenName: values["givenName"], familyName: values["familyName"], birthDate: values["birthDate"],
                                  bsn: values["bsn"], street: values["street"], houseNumber: values["houseNumber"],
                                  postcode: values["postcode"], city: values["city"], districtId: values["districtId"],
                                  householdId: values["householdId"])
        // An empty wijk is suggested from the address; the coach checks it and sends again.
        if values["districtId", default: ""].isEmpty,
           let district = try await req.residentService().suggestedDistrict(postcode: values["postcode"], street: values["street"]) {
            var state = FormState(values: values)
            state.values["districtId"] = district.uuidString
            return try await render(req, state, notice: "De wijk is ingevuld op basis van de postcode of straat. Controleer de wijk en klik nogmaals op Registreren.")
        }
        do {
            let resident = try await req.residentService().register(input)
            req.flash("De inwoner is geregistreerd. Leg nu het verzoek vast.")
            return req.redirect(to: SiteURL.newRequest.path + "?resident=" + resident.id!.uuidString)
        } catch StoreError.invalid(let failure) {
            return try await render(req, FormState(values: values, errors: failure.errors))
        }
    }
}
