import Vapor
import WijknetCore
import WijknetStore

/// `/inwoners/:id/export`: everything Wijknet holds about a resident, readable and printable, with
/// the same content as JSON at `/inwoners/:id/export.json` (AVG art. 15).
enum ResidentExportPage {
    @Sendable static func show(req: Request) async throws -> Response {
        let id = try req.id()
        let export = try await req.residentService().export(id)
        let r = export.resident
        let cases = export.cases.map { file -> Markup in
            let steps = file.events.map { e -> Markup in
                "<li>\(CasePage.dutchDateTime(e.at)) – \(CaseEventKind(rawValue: e.kind)?.label ?? e.kind)\(Markup(raw: e.detail.isEmpty ? "" : ": "))\(e.detail) (\(e.actor.displayName))</li>"
            }
            let assignments = file.assignments.map { a -> Markup in
                "<li>\(a.kind.label): \(a.product.name) bij \(a.provider.name), \(CasePage.hours(a.hoursPerWeek)) uur per week, vanaf \(CalendarDate(a.start)?.dutch ?? a.start)</li>"
            }
            let referrals = file.referrals.map { f -> Markup in "<li>\(f.activity) bij \(f.partner.name), \(CalendarDate(f.date)?.dutch ?? f.date): \(f.status.label)</li>" }
            return """
            <section><h2>Verzoek van \(CalendarDate(file.request.intakeDate)?.dutch ?? file.request.intakeDate)</h2>
            <p>Status: \(file.request.status.label). Wet: \(file.request.law.label). Wijkcoach: \(file.coach.displayName).</p>
            <p class="summary">\(file.request.summary)</p>
            \(assignments.isEmpty ? Markup.empty : "<h3>Toewijzingen</h3><ul>\(assignments)</ul>")
            \(referrals.isEmpty ? Markup.empty : "<h3>Toeleidingen</h3><ul>\(referrals)</ul>")
            <h3>Verloop</h3><ol>\(steps)</ol></section>
            """
        }
        return Layout.page("Inzage-export", req, """
        <h1>Gegevens van \(r.fullName)</h1>
        <p>Alles wat Wijknet over deze inwoner bewaart, voor een verzoek om inzage (AVG artikel 15). Deze export staat zelf ook in het auditlog.
        <a href="\(SiteURL.residentExportJSON(id).path)">Download als JSON</a>.
        <a href="\(SiteURL.residentEdit(id).path)">Gegevens corrigeren</a> of <a href="\(SiteURL.residentErase(id).path)">wissen</a>.</p>
        <dl class="facts">
        <dt>Naam</dt><dd>\(r.fullName)</dd>
        <dt>Geboortedatum</dt><dd>\(CalendarDate(r.birthDate)?.dutch ?? r.birthDate)</dd>
        <dt>BSN</dt><dd>\(export.bsn.digits)</dd>
        <dt>Adres</dt><dd>\(r.street) \(r.houseNumber), \(r.postcode) \(r.city)</dd>
        </dl>
        \(cases)
        \(zrm(export.zrmAssessments))
        <section><h2>Wie heeft deze gegevens ingezien of gewijzigd?</h2>
        \(AuditPages.table(export.accessLog.map(AuditPages.row), caption: "\(export.accessLog.count) regels uit het auditlog"))</section>
        """)
    }

    /// The ZRM assessments as the ZRM page shows them: 2017 in one table, imported 2010 apart.
    static func zrm(_ assessments: [ZRMAssessment]) -> Markup {
        guard !assessments.isEmpty else { return .empty }
        let current = assessments.filter { $0.version == ZRMVersion.zrm2017.rawValue }
        return """
        <section><h2>Zelfredzaamheid (ZRM)</h2>
        \(current.isEmpty ? Markup.empty : ZRMPage.table(current))
        \(ZRMPage.olderSection(assessments.filter { $0.version == ZRMVersion.zrm2010.rawValue }))</section>
        """
    }

    @Sendable static func json(req: Request) async throws -> Response {
        let export = try await req.residentService().export(try req.id())
        let response = try await ResidentExportDTO(export, vault: req.application.vault, for: try req.actor()).encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"wijknet-inzage.json\"")
        return response
    }
}
