import ProgrammeCore
import ProgrammeStore
import Vapor
import WijknetCore
import WijknetStore

/// `/programma`: the register of the Transformatie Sociaal Domein (issue 17) for policy staff.
/// The list of programmes with a form for a new one, and per programme its opgaven with their
/// status by the progress rule (and the facts behind it), initiatives and milestones. An opgave
/// is added on the programme's page; an initiative and a milestone each on a page of their own,
/// so no two forms on a page share a field.
enum ProgrammePages {
    @Sendable static func list(req: Request) async throws -> Response {
        try await renderList(req, FormState(), failed: false)
    }

    static func renderList(_ req: Request, _ state: FormState, failed: Bool) async throws -> Response {
        try req.authorise(CasePolicy.editsProgramme)
        let programmes = try await req.programmeRegister().programmes()
        let municipalities = try await Municipality.query(on: req.db).sort(\.$name).all()
        let rows = programmes.map { p -> Markup in
            "<tr><td><a href=\"\(SiteURL.programme(p.id).path)\">\(p.name)</a></td><td>\(p.span.first.dutch) t/m \(p.span.last.dutch)</td><td>\(p.owner ?? "–")</td></tr>"
        }
        let response = Layout.page("Programma", req, """
        <h1>Programma's</h1>
        <p>De programma's van de transformatie van het sociaal domein, met hun opgaven, initiatieven en mijlpalen.
        De status van een opgave volgt uit één regel; die staat bij elke status.</p>
        \(Table.make(.shown("Programma's"), columns: ["Programma", "Looptijd", "Eigenaar"], rows: rows))
        <details id="nieuw-programma" class="step"\(Markup(raw: failed ? " open" : ""))><summary><h2>Programma toevoegen</h2></summary>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.programmes.path)" class="narrow" novalidate>\(Form.csrf(req))
        \(Form.select("municipalityId", "Gemeente", state, options: municipalities.compactMap { m in m.id.map { ($0.uuidString, m.name) } }))
        \(Form.text("name", "Naam", state))
        \(Form.text("firstDay", "Eerste dag", state, type: "date"))
        \(Form.text("lastDay", "Laatste dag", state, type: "date"))
        \(Form.text("owner", "Eigenaar", state, need: .optional))
        <button type="submit">Toevoegen</button></form></details>
        """)
        if failed { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.editsProgramme)
        let v = req.formValues(["municipalityId", "name", "firstDay", "lastDay", "owner"])
        guard let municipality = v["municipalityId"].flatMap(UUID.init(uuidString:)) else {
            return try await renderList(req, FormState(values: v, errors: [FieldError("municipalityId", "Kies de gemeente van het programma.")]), failed: true)
        }
        do {
            let id = try await req.programmeRegister().createProgramme(municipality: municipality, ProgrammeInput(
                name: v["name"], firstDay: v["firstDay"], lastDay: v["lastDay"], owner: v["owner"]))
            req.flash("Het programma is toegevoegd.")
            return req.redirect(to: SiteURL.programme(id).path)
        } catch StoreError.invalid(let failure) {
            return try await renderList(req, FormState(values: v, errors: failure.errors), failed: true)
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await render(req, programme: try req.id(), failed: false, FormState())
    }

    /// The programme's page; `failed` opens the opgave form again with the user's text.
    static func render(_ req: Request, programme id: UUID, failed: Bool, _ state: FormState) async throws -> Response {
        try req.authorise(CasePolicy.editsProgramme)
        let view = try await req.programmeRegister().register(id)
        let today = CalendarDate.today()
        let opgaven = view.opgaven.map { opgave -> Markup in
            let (status, reasons) = ProgressRule.assess(milestones: opgave.milestones, keyIndicators: [], on: today)
            return """
            <section class="opgave" aria-labelledby="opgave-\(opgave.number)">
            <h2 id="opgave-\(opgave.number)">Opgave \(opgave.number): \(opgave.name)</h2>
            <p>\(opgave.goal)</p>
            <p><strong>Status: \(status.dutch)</strong></p>
            <ul class="reasons">\(reasons.map { reason -> Markup in "<li>\(reason)</li>" })</ul>
            \(opgave.initiatives.map { initiative($0, today: today) })
            <p><a href="\(SiteURL.programmeInitiatives(opgave.id).path)">Initiatief toevoegen<span class="visually-hidden"> aan opgave \(opgave.number)</span></a></p>
            </section>
            """
        }
        let response = Layout.page(view.name, req, """
        <h1>\(view.name)</h1>
        <p>Looptijd \(view.span.first.dutch) t/m \(view.span.last.dutch)\(view.owner.map { owner -> Markup in "; eigenaar \(owner)" } ?? .empty).
        De status van een opgave is die van vandaag (\(today.dutch)):</p>
        <ul>\(ProgressRule.explanation.map { line -> Markup in "<li>\(line)</li>" })</ul>
        \(opgaven)
        <details id="nieuwe-opgave" class="step"\(Markup(raw: failed ? " open" : ""))><summary><h2>Opgave toevoegen</h2></summary>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.programmeOpgaven(view.id).path)" class="narrow" novalidate>\(Form.csrf(req))
        \(Form.text("number", "Nummer", state, type: "number"))
        \(Form.text("name", "Naam", state))
        \(Form.textarea("goal", "Doel", state, rows: 3))
        \(Form.text("portfolioHolder", "Verantwoordelijke wethouder", state, need: .optional))
        \(Form.text("official", "Ambtelijk verantwoordelijke", state, need: .optional))
        <button type="submit">Toevoegen</button></form></details>
        """)
        if failed { response.status = .unprocessableEntity }
        return response
    }

    private static func initiative(_ row: RegisterView.InitiativeRow, today: CalendarDate) -> Markup {
        let milestones = row.milestones.map { m -> Markup in
            let state = m.milestone.state(on: today)
            return """
            <tr><td>\(m.milestone.title)</td><td>\(m.milestone.planned.dutch)</td><td>\(state.dutch)</td>\
            <td>\(m.milestone.reached?.dutch ?? "–")</td><td>\(m.milestone.lateReason ?? "–")</td>\
            <td><a href="\(SiteURL.programmeMilestone(m.id).path)">Wijzigen<span class="visually-hidden"> \(m.milestone.title)</span></a></td></tr>
            """
        }
        let links = row.links.map { link in link.title + (link.reference.map { " (\($0))" } ?? "") }.joined(separator: ", ")
        return """
        <h3>\(row.title)</h3>
        <p>\(row.status.dutch); start \(row.start.dutch)\(row.end.map { end -> Markup in ", einde \(end.dutch)" } ?? .empty)\
        \(row.owner.map { owner -> Markup in "; eigenaar \(owner)" } ?? .empty)\
        \(links.isEmpty ? Markup.empty : "; zie ook: \(links)").</p>
        \(Table.make(.shown("Mijlpalen van \(row.title)"), columns: ["Mijlpaal", "Gepland", "Stand vandaag", "Behaald", "Reden van vertraging", "Actie"], rows: milestones))
        <p><a href="\(SiteURL.programmeMilestones(row.id).path)">Mijlpaal toevoegen<span class="visually-hidden"> aan \(row.title)</span></a></p>
        """
    }

    @Sendable static func addOpgave(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.editsProgramme)
        let programme = try req.id()
        let v = req.formValues(["number", "name", "goal", "portfolioHolder", "official"])
        do {
            guard let number = v["number"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
                throw StoreError.invalid(ValidationFailure("number", "Het nummer van de opgave is een heel getal tussen 1 en 99."))
            }
            _ = try await req.programmeRegister().addOpgave(to: programme, OpgaveInput(
                number: number, name: v["name"], goal: v["goal"], portfolioHolder: v["portfolioHolder"], official: v["official"]))
            req.flash("De opgave is toegevoegd.")
            return req.redirect(to: SiteURL.programme(programme).path)
        } catch StoreError.invalid(let failure) {
            return try await render(req, programme: programme, failed: true, FormState(values: v, errors: failure.errors))
        }
    }

    @Sendable static func initiativeForm(req: Request) async throws -> Response {
        try await renderInitiativeForm(req, opgave: try req.id(), FormState())
    }

    static func renderInitiativeForm(_ req: Request, opgave: UUID, _ state: FormState) async throws -> Response {
        try req.authorise(CasePolicy.editsProgramme)
        let programme = try await req.programmeRegister().programme(ofOpgave: opgave)
        let response = Layout.page("Initiatief toevoegen", req, """
        <h1>Initiatief toevoegen</h1>
        <p><a href="\(SiteURL.programme(programme).path)">Terug naar het programma</a></p>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.programmeInitiatives(opgave).path)" class="narrow" novalidate>\(Form.csrf(req))
        \(Form.text("title", "Naam", state))
        \(Form.text("owner", "Eigenaar", state, need: .optional))
        \(Form.text("start", "Start", state, type: "date"))
        \(Form.text("end", "Einde", state, type: "date", need: .optional))
        \(Form.select("status", "Stand", state, options: InitiativeStatus.allCases.map { ($0.rawValue, $0.dutch) }))
        <button type="submit">Toevoegen</button></form>
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func addInitiative(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.editsProgramme)
        let opgave = try req.id()
        let v = req.formValues(["title", "owner", "start", "end", "status"])
        let programme = try await req.programmeRegister().programme(ofOpgave: opgave)
        do {
            _ = try await req.programmeRegister().addInitiative(to: opgave, InitiativeInput(
                title: v["title"], owner: v["owner"], start: v["start"], end: v["end"], status: v["status"]))
            req.flash("Het initiatief is toegevoegd.")
            return req.redirect(to: SiteURL.programme(programme).path)
        } catch StoreError.invalid(let failure) {
            return try await renderInitiativeForm(req, opgave: opgave, FormState(values: v, errors: failure.errors))
        }
    }
}
