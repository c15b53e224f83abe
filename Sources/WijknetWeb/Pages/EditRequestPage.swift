import Vapor
import WijknetCore
import WijknetStore

/// `/verzoeken/:id/wijzigen`: change the description. A save based on an older version is refused.
enum EditRequestPage {
    @Sendable static func show(req: Request) async throws -> Response {
        let request = try await req.requestService().load(try req.id(), for: .write)
        let state = FormState(values: ["summary": request.summary, "urgency": request.urgency.rawValue, "version": String(request.version)])
        return render(req, request, state, domains: Set(request.lifeDomains.map(\.rawValue)), consent: request.consentForMeeting)
    }

    static func render(_ req: Request, _ request: SupportRequest, _ state: FormState, domains: Set<String>, consent: Bool,
                       message: String? = nil, status: HTTPResponseStatus = .ok) -> Response {
        let id = request.id!
        let response = Layout.page("Verzoek wijzigen", req, flash: message, """
        <h1>Verzoek wijzigen</h1>
        \(Form.errorSummary(state, fieldIDs: ["lifeDomains": Form.id("lifeDomains")]))
        <form method="post" action="\(SiteURL.requestEdit(id).path)" novalidate>\(Form.csrf(req))\(Form.hidden("version", state["version"]))
        \(Form.textarea("summary", "Wat speelt er?", state, hint: "Maximaal \(Limits.summary.formattedDutch) tekens."))
        \(Form.checkboxes("lifeDomains", "Leefgebieden", state, options: LifeDomain.allCases.map { ($0.rawValue, $0.label) }, selected: domains))
        \(Form.select("urgency", "Urgentie", state, options: Urgency.allCases.map { ($0.rawValue, $0.label) }, blank: nil))
        \(Form.checkbox("consentForMeeting", "De inwoner geeft toestemming om het verzoek met naam in het wijknetwerkoverleg te bespreken", checked: consent))
        <button type="submit">Opslaan</button> <a href="\(SiteURL.request(id).path)">Annuleren</a>
        </form>
        """)
        response.status = status
        return response
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let values = req.formValues(["summary", "urgency", "version"])
        let domains = req.formList("lifeDomains")
        let consent = (try? req.content.get(String.self, at: "consentForMeeting")) == "on"
        let input = RequestUpdateInput(version: values["version"].flatMap(Int.init), summary: values["summary"], urgency: values["urgency"],
                                       lifeDomains: domains, consentForMeeting: consent)
        let service = try req.requestService()
        let id = try req.id()
        do {
            _ = try await service.update(id, input)
            req.flash("De wijzigingen zijn opgeslagen.")
            return req.redirect(to: SiteURL.request(id).path)
        } catch StoreError.invalid(let failure) {
            let request = try await service.load(id, for: .write)
            return render(req, request, FormState(values: values, errors: failure.errors), domains: Set(domains), consent: consent, status: .unprocessableEntity)
        } catch StoreError.conflict(let message) {
            // Show the user's text beside the newer version, so nothing they typed is lost.
            let request = try await service.load(id, for: .write)
            var state = FormState(values: values)
            state.values["version"] = String(request.version)
            let notice = message + " Jouw tekst staat hieronder nog in het formulier; de opgeslagen tekst is nu: “\(request.summary.prefix(300))”."
            return render(req, request, state, domains: Set(domains), consent: consent, message: notice, status: .conflict)
        }
    }
}
