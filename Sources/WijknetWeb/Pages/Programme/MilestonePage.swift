import ProgrammeCore
import ProgrammeStore
import Vapor
import WijknetCore
import WijknetStore

/// `/programma/initiatieven/{id}/mijlpalen`: add a milestone to an initiative.
/// `/programma/mijlpalen/{id}`: change one (reached, at risk, late with a reason). The form
/// carries the version it was opened on; when someone else saved the milestone since, the page
/// keeps the user's text, says so, and shows what is stored now.
enum MilestonePage {
    static let names = ["title", "planned", "reached", "reported", "lateReason"]

    /// The milestone's fields, for adding and for changing.
    static func fields(_ state: FormState) -> Markup {
        """
        \(Form.text("title", "Mijlpaal", state))
        \(Form.text("planned", "Gepland", state, hint: "Een datum (2026-06-30) of een kwartaal (2026Q3)."))
        \(Form.select("reported", "Stand", state, options: MilestoneState.allCases.map { ($0.rawValue, $0.dutch) }, need: .optional, blank: "Op schema"))
        \(Form.text("reached", "Behaald op", state, type: "date", need: .optional))
        \(Form.textarea("lateReason", "Reden van vertraging", state, need: .optional, hint: "Verplicht zodra de mijlpaal te laat is.", rows: 3))
        """
    }

    static func input(_ v: [String: String]) -> MilestoneInput {
        MilestoneInput(title: v["title"], planned: v["planned"], reached: v["reached"], reported: v["reported"], lateReason: v["lateReason"])
    }

    static func values(_ milestone: Milestone) -> [String: String] {
        ["title": milestone.title, "planned": milestone.planned.text, "reached": milestone.reached?.description ?? "",
         "reported": milestone.reached == nil ? milestone.reported.rawValue : MilestoneState.done.rawValue, "lateReason": milestone.lateReason ?? ""]
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        try await renderNew(req, initiative: try req.id(), FormState())
    }

    static func renderNew(_ req: Request, initiative: UUID, _ state: FormState) async throws -> Response {
        try req.authorise(CasePolicy.editsProgramme)
        let programme = try await req.programmeRegister().programme(ofInitiative: initiative)
        let response = Layout.page("Mijlpaal toevoegen", req, """
        <h1>Mijlpaal toevoegen</h1>
        <p><a href="\(SiteURL.programme(programme).path)">Terug naar het programma</a></p>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.programmeMilestones(initiative).path)" class="narrow" novalidate>\(Form.csrf(req))
        \(fields(state))
        <button type="submit">Toevoegen</button></form>
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func add(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.editsProgramme)
        let initiative = try req.id()
        let v = req.formValues(names)
        let programme = try await req.programmeRegister().programme(ofInitiative: initiative)
        do {
            _ = try await req.programmeRegister().addMilestone(to: initiative, input(v), today: .today())
            req.flash("De mijlpaal is toegevoegd.")
            return req.redirect(to: SiteURL.programme(programme).path)
        } catch StoreError.invalid(let failure) {
            return try await renderNew(req, initiative: initiative, FormState(values: v, errors: failure.errors))
        }
    }

    @Sendable static func form(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.editsProgramme)
        let (programme, row) = try await req.programmeRegister().milestone(try req.id())
        return render(req, programme: programme, row: row, FormState(values: values(row.milestone)), version: row.version, conflict: false)
    }

    static func render(_ req: Request, programme: UUID, row: RegisterView.MilestoneRow, _ state: FormState, version: Int, conflict: Bool) -> Response {
        let stored: Markup = conflict ? """
            <section class="notice" aria-labelledby="opgeslagen"><h2 id="opgeslagen">Zo staat de mijlpaal nu opgeslagen</h2>
            <p>\(row.milestone.title); gepland \(row.milestone.planned.dutch); \(row.milestone.state(on: .today()).dutch)\
            \(row.milestone.reached.map { reached -> Markup in "; behaald op \(reached.dutch)" } ?? .empty).</p></section>
            """ : .empty
        let response = Layout.page("Mijlpaal wijzigen", req, """
        <h1>Mijlpaal wijzigen</h1>
        <p><a href="\(SiteURL.programme(programme).path)">Terug naar het programma</a></p>
        \(Form.errorSummary(state))
        \(stored)
        <form method="post" action="\(SiteURL.programmeMilestone(row.id).path)" class="narrow" novalidate>\(Form.csrf(req))
        \(Form.hidden("version", String(version)))
        \(fields(state))
        <button type="submit">Opslaan</button></form>
        """)
        if !state.errors.isEmpty { response.status = conflict ? .conflict : .unprocessableEntity }
        return response
    }

    @Sendable static func change(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.editsProgramme)
        let id = try req.id()
        let v = req.formValues(names + ["version"])
        let (programme, row) = try await req.programmeRegister().milestone(id)
        do {
            try await req.programmeRegister().updateMilestone(id, input(v), version: v["version"].flatMap { Int($0) }, today: .today())
            req.flash("De mijlpaal is opgeslagen.")
            return req.redirect(to: SiteURL.programme(programme).path)
        } catch StoreError.invalid(let failure) {
            return render(req, programme: programme, row: row, FormState(values: v, errors: failure.errors), version: v["version"].flatMap { Int($0) } ?? row.version, conflict: false)
        } catch StoreError.conflict(let message) {
            // The user's text stays; the form now carries the stored version, so saving again is a choice made knowingly.
            return render(req, programme: programme, row: row, FormState(values: v, errors: [FieldError("title", message)]), version: row.version, conflict: true)
        }
    }
}
