import Vapor
import WijknetCore
import WijknetStore

/// `/audit`: the auditor searches the log; `/audit/inwoner`: who looked at one resident's file.
enum AuditPages {
    /// Audit lines are short; an auditor reads more of them at once than of requests.
    static let filterNames = ["username", "action", "from", "to", "subject", "subjectId"]

    @Sendable static func search(req: Request) async throws -> Response {
        let values = req.queryValues(filterNames)
        var state = FormState(values: values)
        let paging = try req.paging(defaultPerPage: AuditFilterInput.perPage)
        var result: ResultPage<AuditEntry>?
        let input = AuditFilterInput(username: values["username"], action: values["action"], from: values["from"], to: values["to"],
                                     subject: values["subject"], subjectId: values["subjectId"])
        switch input.filter() {
        case .success(let filter): result = try await req.auditQuery().entries(filter, paging)
        case .failure(let failure): state.errors = failure.errors
        }
        let rows = (result?.items ?? []).map(row)
        let trail: Markup = values["subject"].map { subject -> Markup in
            """
            <p class="flash">Alleen de regels over \(AuditSubject.label(subject).lowercased()) \(values["subjectId"] ?? ""). \
            <a href="\(SiteURL.audit.path)">Alle regels tonen</a></p>
            """
        } ?? .empty
        let response = Layout.page("Auditlog", req, """
        <h1>Auditlog</h1>
        <p>Elke keer dat iemand gegevens van een inwoner bekijkt of wijzigt, staat hier een regel. De regels vormen een keten
        van hashes; <code>wijknet audit verify</code> controleert dat er niets is veranderd, weggehaald of verschoven.</p>
        <p><a href="\(SiteURL.auditResident.path)">Overzicht voor een inwoner: wie heeft mijn dossier ingezien?</a></p>
        \(Form.errorSummary(state))
        <form method="get" action="\(SiteURL.audit.path)" class="filters" role="search" aria-label="Auditlog doorzoeken">
        \(values["subject"].map { Form.hidden("subject", $0) } ?? .empty)\(values["subjectId"].map { Form.hidden("subjectId", $0) } ?? .empty)
        \(Form.text("username", "Gebruikersnaam", state, need: .filter))
        \(Form.select("action", "Handeling", state, options: AuditAction.allCases.map { ($0.rawValue, $0.label) }, need: .filter, blank: "Alle"))
        \(Form.text("from", "Vanaf", state, type: "date", need: .filter))
        \(Form.text("to", "Tot en met", state, type: "date", need: .filter))
        <button type="submit">Zoeken</button></form>
        \(trail)
        \(table(rows, caption: result.map { "\($0.total.formattedDutch) regels, pagina \($0.page.formattedDutch) van \($0.pageCount.formattedDutch)" } ?? ""))
        \(result.map { Pagination.nav($0, path: SiteURL.audit.path, query: values) } ?? .empty)
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    /// One entry in Dutch: local time, labels instead of codes, and the record it is about as a
    /// link to every entry about that record.
    static func row(_ e: AuditEntry) -> Markup {
        let residents = e.residentIDs.isEmpty ? 0 : e.residentIDs.split(separator: ",").count
        let when = (try? Date(e.at, strategy: .iso8601)).map { "\(CasePage.dutchDateTimeWithSeconds($0))" } ?? e.at
        let subject: Markup = e.subjectID.isEmpty ? "\(AuditSubject.label(e.subject))" : """
            <a href="\(SiteURL.audit.path)?\(Pagination.queryString(["subject": e.subject, "subjectId": e.subjectID]))" \
            title="Alle regels over dit onderwerp">\(AuditSubject.label(e.subject)) \(String(e.subjectID.prefix(8)))</a>
            """
        return Table.row(["\(e.seq)", "<time datetime=\"\(e.at)\">\(when)</time>", "\(e.username)", "\(Role(rawValue: e.role)?.label ?? e.role)",
                          "\(AuditAction(rawValue: e.action)?.label ?? e.action)", "\(AuditChannel(rawValue: e.channel)?.label ?? e.channel)",
                          subject, "\(residents)", "\(e.purpose)"])
    }

    static func table(_ rows: [Markup], caption: String) -> Markup {
        rows.isEmpty ? "<p>Geen regels gevonden.</p>" : Table.make(.shown("\(caption)"), columns: ["Nr.", "Tijdstip", "Gebruiker", "Rol", "Handeling", "Kanaal",
                                                                                               "Onderwerp", "Inwoners", "Doel"], rows: rows)
    }

    @Sendable static func residentForm(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.mayAudit)
        return renderResident(req, FormState(), entries: nil)
    }

    static func renderResident(_ req: Request, _ state: FormState, entries: [AuditEntry]?) -> Response {
        let summary: Markup
        if let entries {
            var perOrganisation: [String: Int] = [:]
            for e in entries { perOrganisation["\(Role(rawValue: e.role)?.label ?? e.role) \(e.username)", default: 0] += 1 }
            let lines = perOrganisation.sorted { $0.key < $1.key }.map { key, count -> Markup in "<li>\(key): \(count) keer</li>" }
            summary = """
            <h2>Resultaat</h2><p>\(entries.count) regels noemen deze inwoner.</p><ul>\(lines)</ul>
            \(table(entries.map(row), caption: "Alle regels over deze inwoner, oudste eerst"))
            """
        } else {
            summary = .empty
        }
        let response = Layout.page("Inzage voor een inwoner", req, """
        <h1>Wie heeft het dossier ingezien?</h1>
        <p>Voor een verzoek van een inwoner om inzage (AVG artikel 15). Het BSN wordt niet in de adresbalk gezet; deze zoekactie komt zelf ook in het auditlog.</p>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.auditResident.path)" class="narrow" novalidate>\(Form.csrf(req))
        \(Form.text("bsn", "BSN van de inwoner", state))
        <button type="submit">Overzicht maken</button></form>
        \(summary)
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func resident(req: Request) async throws -> Response {
        let bsn = (try? req.content.get(String.self, at: "bsn")) ?? ""
        do {
            return renderResident(req, FormState(), entries: try await req.auditQuery().residentAccess(bsn: bsn))
        } catch StoreError.invalid(let failure) {
            return renderResident(req, FormState(values: [:], errors: failure.errors), entries: nil)
        } catch StoreError.notFound {
            return renderResident(req, FormState(values: [:], errors: [FieldError("bsn", "Er is geen inwoner met dit BSN.")]), entries: nil)
        }
    }
}
