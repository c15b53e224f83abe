import Vapor
import WijknetCore
import WijknetStore

/// `/import/toewijzingen`: upload the assignments from the system before Wijknet. The whole file is
/// checked first and refused with every problem listed; a good file is written in one transaction
/// while the page shows how far it is.
enum HistoryImportPage {
    @Sendable static func form(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.mayImportHistory)
        return render(req, problems: [], error: nil)
    }

    static func render(_ req: Request, problems: [FileProblem], error: String?) -> Response {
        CSVUpload.page(req, title: "Toewijzingen importeren", action: .historyImport, problems: problems, error: error, """
        <h1>Toewijzingen van vóór Wijknet importeren</h1>
        <p>Zo hebben de cijfers over toewijzingen (K4–K7) een vergelijking met eerdere jaren. Het bestand bevat geen
        persoonsgegevens: per toewijzing het nummer in het bronsysteem, wet, productcode, aanbieder, wijk, start, einde,
        uren per week en soort. De kolommen staan in <code>docs/import.md</code>. Het hele bestand wordt eerst gecontroleerd;
        bij één fout wordt niets opgeslagen. Een toewijzing die al is geïmporteerd (zelfde bron_id) wordt overgeslagen.</p>
        \(casesLink(req))
        """)
    }

    /// Administrators also bring in whole case files, with persons and real dates.
    static func casesLink(_ req: Request) -> Markup {
        guard let role = try? req.requireUser().role, CasePolicy.mayImportCaseHistory(role) else { return .empty }
        return "<p>Hele dossiers (inwoners, verzoeken, besluiten) met hun echte datums: <a href=\"\(SiteURL.caseHistoryImport.path)\">dossiers importeren</a>.</p>"
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.mayImportHistory)
        let text: String
        switch Upload.text(from: req) {
        case .success(let read): text = read
        case .failure(let failure): return render(req, problems: [], error: failure.errors.first?.message)
        }
        let importer = try req.historyImport()
        switch try await importer.check(text) {
        case .refused(let problems):
            return render(req, problems: problems, error: nil)
        case .ready(let checked):
            return stream(req, importer, checked)
        }
    }

    /// Writes the rows while the page shows how far it is, then the outcome: one transaction,
    /// so a failure halfway leaves nothing behind.
    static func stream(_ req: Request, _ importer: HistoryImport, _ checked: HistoryImport.Checked) -> Response {
        let marker = "<!--voortgang-->"
        let document = Layout.document("Toewijzingen importeren", req, Markup(raw: marker)).html
        let parts = document.components(separatedBy: marker)
        let (head, tail) = (parts[0], parts.count > 1 ? parts[1] : "")
        let total = checked.new
        let intro: Markup = """
        <h1>Toewijzingen importeren</h1>
        <p>Het bestand is goedgekeurd: \(checked.total) regels, waarvan \(checked.alreadyThere) al eerder geïmporteerd. \(total) nieuwe toewijzingen worden opgeslagen.</p>
        <ol class="progress" aria-label="Voortgang">
        """
        let logger = req.logger
        let response = Response(status: .ok, body: .init(asyncStream: { writer in
            try await writer.writeBuffer(ByteBuffer(string: head + intro.html))
            do {
                try await importer.apply(checked) { done in
                    try? await writer.writeBuffer(ByteBuffer(string: ("<li>\(done) van \(total) opgeslagen</li>" as Markup).html))
                }
                let done: Markup = "</ol><div class=\"flash\" role=\"status\">Klaar: \(total) toewijzingen geïmporteerd, \(checked.alreadyThere) overgeslagen. <a href=\"\(SiteURL.dashboard.path)\">Naar de cijfers</a></div>"
                try await writer.writeBuffer(ByteBuffer(string: done.html + tail))
            } catch {
                logger.error("history import failed: \(String(reflecting: type(of: error)))")
                let failed: Markup = "</ol><div class=\"error-summary\" role=\"alert\"><h2>Importeren mislukt</h2><p>Er is niets opgeslagen. Probeer het opnieuw of neem contact op met de beheerder.</p></div>"
                try await writer.writeBuffer(ByteBuffer(string: failed.html + tail))
            }
            try await writer.write(.end)
        }))
        response.headers.contentType = .html
        return response
    }
}
