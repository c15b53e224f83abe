import Vapor
import WijknetCore
import WijknetStore

/// A resident's rights besides access (which is `ResidentExportPage`): correcting their details
/// (`/inwoners/:id/wijzigen`, AVG art. 16) and erasing them once the law allows it
/// (`/inwoners/:id/wissen`, AVG art. 17).
enum ResidentRightsPages {
    static let fields = ["givenName", "familyName", "birthDate", "bsn", "street", "houseNumber", "postcode", "city", "districtId"]

    @Sendable static func editForm(req: Request) async throws -> Response {
        let resident = try await req.residentService().find(try req.id())
        let bsn = try req.application.vault.open(resident.bsnSealed)
        return try await renderEdit(req, resident, FormState(values: [
            "givenName": resident.givenName, "familyName": resident.familyName, "birthDate": resident.birthDate, "bsn": bsn.digits,
            "street": resident.street, "houseNumber": resident.houseNumber, "postcode": resident.postcode, "city": resident.city,
            "districtId": resident.$district.id.uuidString,
        ]))
    }

    static func renderEdit(_ req: Request, _ resident: Resident, _ state: FormState, message: String? = nil) async throws -> Response {
        let id = try resident.requireID()
        let districts = try await Catalogue.districts(on: req.db, area: try req.actor().areaID)
        let response = Layout.page("Gegevens corrigeren", req, flash: message, """
        <h1>Gegevens van \(resident.fullName) corrigeren</h1>
        <p>Een inwoner mag onjuiste gegevens laten verbeteren (AVG artikel 16). De wijziging staat in het auditlog.</p>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.residentEdit(id).path)" class="narrow" novalidate>\(Form.csrf(req))
        \(ResidentsPage.detailFields(state, districts: districts))
        <button type="submit">Opslaan</button> <a href="\(SiteURL.residentExport(id).path)">Alle gegevens van deze inwoner</a>
        </form>
        <p><a href="\(SiteURL.residentMove(id).path)">Verhuisd naar een ander gebied: dossier overdragen</a></p>
        <p><a href="\(SiteURL.residentErase(id).path)">Gegevens wissen op verzoek van de inwoner</a></p>
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let id = try req.id()
        let service = try req.residentService()
        try await service.requireAccess(id)
        let values = req.formValues(fields)
        let input = ResidentInput(givenName: values["givenName"], familyName: values["familyName"], birthDate: values["birthDate"],
                                  bsn: values["bsn"], street: values["street"], houseNumber: values["houseNumber"],
                                  postcode: values["postcode"], city: values["city"], districtId: values["districtId"])
        do {
            let resident = try await service.correct(id, input)
            return try await renderEdit(req, resident, FormState(values: values), message: "De gegevens zijn gecorrigeerd.")
        } catch StoreError.invalid(let failure) {
            let resident = try await service.find(id)
            return try await renderEdit(req, resident, FormState(values: values, errors: failure.errors))
        }
    }

    @Sendable static func eraseForm(req: Request) async throws -> Response {
        try await renderErase(req, FormState())
    }

    static func renderErase(_ req: Request, _ state: FormState) async throws -> Response {
        let id = try req.id()
        let service = try req.residentService()
        let from = try await service.erasableFrom(id, policy: req.application.wijknetConfig.retention)
        let resident = try await service.find(id)
        let today = CalendarDate.today()
        let body: Markup
        if let from, from <= today {
            body = """
            <p>De bewaartermijn van alle verzoeken van deze inwoner is verstreken. Na wissen zijn naam, BSN, geboortedatum,
            adres en alle vrije tekst weg; wat overblijft (data, wet, organisaties, uren) is niet meer tot de inwoner te herleiden
            en telt mee in de cijfers voor de raad. Dit kan niet ongedaan worden gemaakt.</p>
            \(Form.errorSummary(state))
            <form method="post" action="\(SiteURL.residentErase(id).path)" class="narrow" novalidate>\(Form.csrf(req))
            \(Form.checkboxes("confirm", "Bevestiging", state, options: [("ja", "De inwoner vraagt om verwijdering en ik wil de gegevens definitief wissen")], selected: []))
            <button type="submit" class="danger">Gegevens definitief wissen</button> <a href="\(SiteURL.residentEdit(id).path)">Annuleren</a>
            </form>
            """
        } else if let from {
            body = "<p>De wet verplicht ons deze gegevens te bewaren tot \(from.dutch). Daarna worden ze vanzelf verwijderd. Tot die tijd kan de inwoner wel onjuiste gegevens laten corrigeren.</p>"
        } else {
            body = "<p>Deze gegevens moeten bewaard blijven: er loopt nog een verzoek of een toewijzing zonder einddatum. De bewaartermijn begint pas als de ondersteuning is afgelopen.</p>"
        }
        let response = Layout.page("Gegevens wissen", req, """
        <h1>Gegevens van \(resident.fullName) wissen</h1>
        <p>Een inwoner mag vragen om verwijdering van zijn gegevens (AVG artikel 17), maar de Wmo en de Jeugdwet schrijven
        bewaartermijnen voor: Wmo \(req.application.wijknetConfig.retention.wmoYears) jaar, Jeugd \(req.application.wijknetConfig.retention.jeugdYears) jaar
        en zonder geïndiceerde zorg \(req.application.wijknetConfig.retention.withoutCareYears) jaar na het einde van de ondersteuning.</p>
        \(body)
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func erase(req: Request) async throws -> Response {
        let id = try req.id()
        let service = try req.residentService()
        try await service.requireAccess(id)
        guard req.formList("confirm").contains("ja") else {
            return try await renderErase(req, FormState(errors: [FieldError("confirm", "Bevestig dat de inwoner om verwijdering vraagt.")]))
        }
        do {
            try await service.erase(id, policy: req.application.wijknetConfig.retention)
        } catch StoreError.notAllowed {
            return try await renderErase(req, FormState())
        }
        return Layout.page("Gegevens gewist", req, flash: "De gegevens van de inwoner zijn gewist.", """
        <h1>Gegevens gewist</h1>
        <p>De persoonsgegevens zijn verwijderd; het wissen staat in het auditlog. <a href="\(SiteURL.residents.path)">Terug naar inwoners</a></p>
        """)
    }
}
