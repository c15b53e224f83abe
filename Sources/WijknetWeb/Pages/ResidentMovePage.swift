import Vapor
import WijknetCore
import WijknetStore

/// `/inwoners/:id/verhuizen`: a resident moved to a wijk in another area; their record goes to
/// that area's team (`ResidentService.transfer`). The coach's own requests stay with them.
enum ResidentMovePage {
    static let fields = ["districtId", "street", "houseNumber", "postcode", "city"]

    @Sendable static func form(req: Request) async throws -> Response {
        let resident = try await req.residentService().find(try req.id())
        return try await render(req, resident, FormState())
    }

    static func render(_ req: Request, _ resident: Resident, _ state: FormState) async throws -> Response {
        let id = try resident.requireID()
        let own = try req.actor().areaID
        let areas = Dictionary(try await Catalogue.areas(on: req.db).map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let districts = try await Catalogue.districts(on: req.db).filter { $0.$area.id != own }
            .map { ($0.id!.uuidString, "\($0.name) (\(areas[$0.$area.id] ?? "")) – \($0.code)") }
            .sorted { $0.1 < $1.1 }
        let response = Layout.page("Verhuizing naar een ander gebied", req, """
        <h1>\(resident.fullName) is verhuisd naar een ander gebied</h1>
        <p>Het dossier van de inwoner (gegevens en ZRM-metingen) gaat naar het team van het nieuwe gebied; de overdracht staat in het auditlog.
        Jouw verzoeken blijven bij jou tot je ze afsluit, en tellen mee in de cijfers van jouw gebied. Daarna zie je deze inwoner niet meer.
        Verhuist de inwoner binnen je eigen gebied? Pas dan het adres aan met <a href="\(SiteURL.residentEdit(id).path)">gegevens corrigeren</a>.</p>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.residentMove(id).path)" class="narrow" novalidate>\(Form.csrf(req))
        \(Form.select("districtId", "Nieuwe wijk", state, options: districts))
        \(Form.text("street", "Straat", state))
        \(Form.text("houseNumber", "Huisnummer", state))
        \(Form.text("postcode", "Postcode", state))
        \(Form.text("city", "Woonplaats", state))
        <button type="submit">Dossier overdragen</button> <a href="\(SiteURL.residentEdit(id).path)">Annuleren</a>
        </form>
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func move(req: Request) async throws -> Response {
        let id = try req.id()
        let service = try req.residentService()
        try await service.requireAccess(id)
        let v = req.formValues(fields)
        do {
            let area = try await service.transfer(id, ResidentMoveInput(districtId: v["districtId"], street: v["street"], houseNumber: v["houseNumber"],
                                                                      postcode: v["postcode"], city: v["city"]))
            return Layout.page("Dossier overgedragen", req, """
            <h1>Dossier overgedragen</h1>
            <p>Het dossier is overgedragen aan het team van \(area). Je eigen verzoeken vind je onder <a href="\(SiteURL.requests.path)">Verzoeken</a>.</p>
            """)
        } catch StoreError.invalid(let failure) {
            return try await render(req, try await service.find(id), FormState(values: v, errors: failure.errors))
        }
    }
}
