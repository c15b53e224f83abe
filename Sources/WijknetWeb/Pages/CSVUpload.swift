import Vapor
import WijknetCore
import WijknetStore

/// How an import page shows its file's problems and asks for the file (CSV, or JSON for the case
/// history); what an uploaded file may be is `Upload`.
enum CSVUpload {
    /// Runs an uploaded file through an import as every import page does: a refused file shows
    /// its problems, a good one is written and counted in the page's message (`noun`: one, many).
    static func run<Importer: FileImport>(_ importer: Importer, _ file: Result<Importer.File, ValidationFailure>, noun: (one: String, many: String),
                                          render: (_ problems: [FileProblem], _ error: String?, _ flash: String?) -> Response) async throws -> Response {
        let read: Importer.File
        switch file {
        case .success(let value): read = value
        case .failure(let failure): return render([], failure.errors.first?.message, nil)
        }
        switch try await importer.check(read) {
        case .refused(let problems):
            return render(problems, nil, nil)
        case .ready(let checked):
            try await importer.apply(checked)
            return render([], nil, "\(checked.new) \(checked.new == 1 ? noun.one : noun.many) geïmporteerd, \(checked.alreadyThere) al eerder geïmporteerd.")
        }
    }

    /// An import page: what the file is, the problems of a refused one, and the upload form;
    /// 422 when a file was refused.
    static func page(_ req: Request, title: String, action: SiteURL, problems: [FileProblem], error: String?, flash: String? = nil,
                     file: FileKind = .csv, _ intro: Markup) -> Response {
        let response = Layout.page(title, req, flash: flash, """
        \(intro)
        \(report(problems, unit: file == .csv ? "Regel" : "Verzoek"))
        \(form(req, action: action, error: error, button: "Controleren en importeren", file: file))
        """)
        if !problems.isEmpty || error != nil { response.status = .unprocessableEntity }
        return response
    }

    /// A refused file: nothing stored, and every problem (the first 500) with line and column.
    static func report(_ problems: [FileProblem], unit: String = "Regel") -> Markup {
        guard !problems.isEmpty else { return .empty }
        let shown = problems.prefix(500).map { p -> Markup in
            "<tr><td class=\"number\">\(p.line)</td><td>\(p.column)</td><td>\(p.message)</td></tr>"
        }
        return """
        <div class="error-summary" role="alert" tabindex="-1"><h2>Het bestand is niet geïmporteerd</h2>
        <p>Er \(problems.count == 1 ? "is 1 probleem" : "zijn \(problems.count) problemen") gevonden; er is niets opgeslagen. Verbeter het bestand en probeer het opnieuw.</p></div>
        <table tabindex="0"><caption>Problemen\(problems.count > 500 ? " (de eerste 500)" : "")</caption>
        <thead><tr><th scope="col">\(unit)</th><th scope="col">Kolom</th><th scope="col">Probleem</th></tr></thead><tbody>\(shown)</tbody></table>
        """
    }

    /// What the form asks for.
    enum FileKind {
        case csv, json

        var label: String { self == .csv ? "CSV-bestand (UTF-8, puntkomma of komma)" : "JSON-bestand (UTF-8)" }
        var accept: String { self == .csv ? ".csv,text/csv" : ".json,application/json" }
    }

    /// The upload form: one file field, with its error when there is one.
    static func form(_ req: Request, action: SiteURL, error: String?, button: String, file: FileKind = .csv) -> Markup {
        let state = FormState(errors: error.map { [FieldError("file", $0)] } ?? [])
        let id = Form.id("file")
        return """
        \(Form.errorSummary(state))
        <form method="post" action="\(action.path)" enctype="multipart/form-data" class="narrow" novalidate>\(Form.csrf(req))
        <div class="field\(Markup(raw: error != nil ? " has-error" : ""))">
        <label for="\(id)">\(file.label)</label>
        \(error.map { "<p class=\"field-error\" id=\"\(id)-error\"><span class=\"visually-hidden\">Fout: </span>\($0)</p>" as Markup } ?? .empty)
        <input type="file" id="\(id)" name="file" accept="\(file.accept)" required\(Markup(raw: error != nil ? " aria-invalid=\"true\" aria-describedby=\"\(id)-error\"" : ""))>
        </div>
        <button type="submit">\(button)</button>
        </form>
        """
    }
}
