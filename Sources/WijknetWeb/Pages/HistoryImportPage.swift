import Vapor
import WijknetCore
import WijknetStore

/// What an uploaded history file may be, for the page and the API alike.
enum HistoryUpload {
    static let maxBytes = 64 * 1024 * 1024

    /// The file as text; a file that is not UTF-8 is one clear problem.
    static func text(_ buffer: ByteBuffer) throws -> String {
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw ValidationFailure("file", "Het bestand is geen UTF-8-tekst. Sla het in Excel op als ‘CSV UTF-8’.")
        }
        return text
    }

    static func requireRole(_ req: Request) throws {
        guard CasePolicy.mayImportHistory(try req.requireUser().role) else {
            throw Abort(.forbidden, reason: "Je rol geeft geen toegang tot het importeren van toewijzingen.")
        }
    }
}

/// `/import/toewijzingen`: upload the assignments from the system before Wijknet. The whole file is
/// checked first and refused with every problem listed; a good file is written in one transaction
/// while the page shows how far it is.
enum HistoryImportPage {
    @Sendable static func form(req: Request) async throws -> Response {
        try HistoryUpload.requireRole(req)
        return render(req, problems: [], error: nil)
    }

    static func render(_ req: Request, problems: [HistoryFile.Problem], error: String?) -> Response {
        let shown = problems.prefix(500).map { p -> Markup in
            "<tr><td class=\"number\">\(p.line)</td><td>\(p.column)</td><td>\(p.message)</td></tr>"
        }
        let report: Markup = problems.isEmpty ? .empty : """
        <div class="error-summary" role="alert" tabindex="-1"><h2>Het bestand is niet geïmporteerd</h2>
        <p>Er \(problems.count == 1 ? "is 1 probleem" : "zijn \(problems.count) problemen") gevonden; er is niets opgeslagen. Verbeter het bestand en probeer het opnieuw.</p></div>
        <table><caption>Problemen\(problems.count > 500 ? " (de eerste 500)" : "")</caption>
        <thead><tr><th scope="col">Regel</th><th scope="col">Kolom</th><th scope="col">Probleem</th></tr></thead><tbody>\(shown)</tbody></table>
        """
        let state = FormState(errors: error.map { [FieldError("file", $0)] } ?? [])
        let response = Layout.page("Toewijzingen importeren", req, """
        <h1>Toewijzingen van vóór Wijknet importeren</h1>
        <p>Zo hebben de cijfers over toewijzingen (K4–K7) een vergelijking met eerdere jaren. Het bestand bevat geen
        persoonsgegevens: per toewijzing het nummer in het bronsysteem, wet, productcode, aanbieder, wijk, start, einde,
        uren per week en soort. De kolommen staan in <code>docs/import.md</code>. Het hele bestand wordt eerst gecontroleerd;
        bij één fout wordt niets opgeslagen. Een toewijzing die al is geïmporteerd (zelfde bron_id) wordt overgeslagen.</p>
        \(report)
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.historyImport.path)" enctype="multipart/form-data" class="narrow" novalidate>\(Form.csrf(req))
        <div class="field\(Markup(raw: error != nil ? " has-error" : ""))">
        <label for="\(Form.id("file"))">CSV-bestand (UTF-8, puntkomma of komma)</label>
        \(error.map { "<p class=\"field-error\" id=\"\(Form.id("file"))-error\"><span class=\"visually-hidden\">Fout: </span>\($0)</p>" as Markup } ?? .empty)
        <input type="file" id="\(Form.id("file"))" name="file" accept=".csv,text/csv" required\(Markup(raw: error != nil ? " aria-invalid=\"true\" aria-describedby=\"\(Form.id("file"))-error\"" : ""))>
        </div>
        <button type="submit">Controleren en importeren</button>
        </form>
        """)
        if !problems.isEmpty || error != nil { response.status = .unprocessableEntity }
        return response
    }

    struct Upload: Content {
        var file: File?
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        try HistoryUpload.requireRole(req)
        guard let file = (try? req.content.decode(Upload.self))?.file, file.data.readableBytes > 0 else {
            return render(req, problems: [], error: "Kies een CSV-bestand.")
        }
        let text: String
        do { text = try HistoryUpload.text(file.data) } catch let failure as ValidationFailure {
            return render(req, problems: [], error: failure.errors.first?.message)
        }
        let importer = HistoryImport(db: req.db)
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
