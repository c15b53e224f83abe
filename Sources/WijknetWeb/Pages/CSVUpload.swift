import Vapor
import WijknetCore

/// What an uploaded file may be (CSV, or JSON for the case history), and how its problems show,
/// for the import pages and the API.
enum CSVUpload {
    static let maxBytes = 64 * 1024 * 1024

    /// The file as text; a file that is not UTF-8 is one clear problem.
    static func text(_ buffer: ByteBuffer) throws -> String {
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw ValidationFailure("file", "Het bestand is geen UTF-8-tekst. Sla het in Excel op als ‘CSV UTF-8’.")
        }
        return text
    }

    struct Upload: Content {
        var file: File?
    }

    /// The uploaded file's bytes, or the Dutch message for the form's file field.
    static func bytes(from req: Request, kind: String = "CSV") -> Result<[UInt8], ValidationFailure> {
        guard let file = (try? req.content.decode(Upload.self))?.file, file.data.readableBytes > 0 else {
            return .failure(ValidationFailure("file", "Kies een \(kind)-bestand."))
        }
        return .success(Array(file.data.readableBytesView))
    }

    /// The uploaded file's text, or the Dutch message for the form's file field.
    static func text(from req: Request) -> Result<String, ValidationFailure> {
        guard let file = (try? req.content.decode(Upload.self))?.file, file.data.readableBytes > 0 else {
            return .failure(ValidationFailure("file", "Kies een CSV-bestand."))
        }
        do { return .success(try text(file.data)) } catch let failure as ValidationFailure { return .failure(failure) } catch {
            return .failure(ValidationFailure("file", "Het bestand kon niet worden gelezen."))
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
        <table><caption>Problemen\(problems.count > 500 ? " (de eerste 500)" : "")</caption>
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
