import Vapor
import WijknetCore
import WijknetStore

/// `/verzoeken/nieuw`: record a request after the keukentafelgesprek.
enum NewRequestPage {
    static let fields = ["residentId", "intakeDate", "summary", "law", "urgency"]

    @Sendable static func show(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.mayRegister)
        guard let raw = try? req.query.get(String.self, at: "resident"), let id = UUID(uuidString: raw) else {
            return req.redirect(to: SiteURL.residents.path)
        }
        let resident = try await req.residentService().find(id)
        let state = FormState(values: ["residentId": id.uuidString, "intakeDate": CalendarDate.today().description, "urgency": Urgency.normal.rawValue])
        return render(req, resident, state, domains: [], consent: false)
    }

    static func render(_ req: Request, _ resident: Resident, _ state: FormState, domains: Set<String>, consent: Bool) -> Response {
        let response = Layout.page("Nieuw verzoek", req, """
        <h1>Nieuw verzoek voor \(resident.fullName)</h1>
        \(Form.errorSummary(state, fieldIDs: ["lifeDomains": Form.id("lifeDomains")]))
        <form method="post" action="\(SiteURL.newRequest.path)" novalidate>\(Form.csrf(req))
        \(Form.hidden("residentId", state["residentId"]))
        \(Form.text("intakeDate", "Datum keukentafelgesprek", state, type: "date"))
        \(Form.textarea("summary", "Wat speelt er?", state, hint: "Maximaal \(Limits.summary.formattedDutch) tekens. Schrijf alleen op wat nodig is voor de ondersteuning."))
        \(Form.select("law", "Wet", state, options: LawScope.allCases.map { ($0.rawValue, $0.label) }))
        \(Form.checkboxes("lifeDomains", "Leefgebieden", state, options: LifeDomain.allCases.map { ($0.rawValue, $0.label) }, selected: domains))
        \(Form.select("urgency", "Urgentie", state, options: Urgency.allCases.map { ($0.rawValue, $0.label) }, blank: nil))
        \(Form.checkbox("consentForMeeting", "De inwoner geeft toestemming om het verzoek met naam in het wijknetwerkoverleg te bespreken", checked: consent))
        <button type="submit">Verzoek vastleggen</button>
        </form>
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let values = req.formValues(fields)
        let domains = req.formList("lifeDomains")
        let consent = (try? req.content.get(String.self, at: "consentForMeeting")) == "on"
        let input = RequestInput(residentId: values["residentId"], intakeDate: values["intakeDate"], summary: values["summary"],
                                 law: values["law"], lifeDomains: domains, urgency: values["urgency"], consentForMeeting: consent)
        let service = try req.requestService()
        do {
            let request = try await service.register(input)
            req.flash("Het verzoek is geregistreerd. Kies hieronder de route.")
            return req.redirect(to: SiteURL.request(request.id!).path)
        } catch StoreError.invalid(let failure) {
            guard let id = values["residentId"].flatMap(UUID.init(uuidString:)) else { throw StoreError.invalid(failure) }
            let resident = try await req.residentService().find(id)
            return render(req, resident, FormState(values: values, errors: failure.errors), domains: Set(domains), consent: consent)
        }
    }
}
