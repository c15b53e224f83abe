import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// `/raadsbrief`: the quarterly council letter for a municipality, to read, print (A4, through the
/// browser's print to PDF) or download as Markdown; policy staff write its text blocks here.
enum CouncilLetterPage {
    struct Selection {
        let municipality: Municipality
        let quarter: ReportingPeriod
        var queryString: String { "municipalityId=\(municipality.id!.uuidString)&period=\(quarter)" }
    }

    /// The municipality (default: the first) and quarter (default: the last complete one) asked for.
    static func selection(_ req: Request, values: [String: String]) async throws -> Selection {
        var check = Checker()
        let id = check.optionalID(values["municipalityId"], "municipalityId", label: "Gemeente")
        var quarter = FigureQueryInput.lastCompleteQuarter()
        if let text = values["period"], !text.isEmpty {
            if let period = ReportingPeriod(text), period.isQuarter { quarter = period } else {
                check.fail("period", "Een raadsbrief gaat over één kwartaal, bijvoorbeeld 2026Q1.")
            }
        }
        try check.finish()
        let found: Municipality?
        if let id { found = try await Municipality.find(id, on: req.db) } else { found = try await Municipality.query(on: req.db).sort(\.$name).first() }
        guard let municipality = found else { throw StoreError.notFound(what: "gemeente") }
        return Selection(municipality: municipality, quarter: quarter)
    }

    static func values(_ req: Request) -> [String: String] {
        req.queryValues(["municipalityId", "period"])
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try FigureRequest.requireFigures(req)
        return try await render(req, try await selection(req, values: values(req)))
    }

    static func render(_ req: Request, _ selection: Selection, state: FormState = FormState(), flash: String? = nil) async throws -> Response {
        let actor = try req.actor()
        let letter = try await CouncilLetter.load(db: req.db, actor: actor, municipality: selection.municipality, quarter: selection.quarter)
        let municipalities = try await Catalogue.municipalities(on: req.db)
        let thisYear = CalendarDate.today().year
        let quarters = (thisYear - 3...thisYear).reversed().flatMap { year in (1...4).reversed().compactMap { ReportingPeriod.quarter(year, $0) } }
            .filter { $0.first <= .today() }
        let choice = FormState(values: ["municipalityId": selection.municipality.id!.uuidString, "period": selection.quarter.description])
        var editor = Markup.empty
        if CasePolicy.writesLetterTexts(actor.role) {
            var texts = state
            for section in LetterSection.allCases where texts.values[section.rawValue] == nil { texts.values[section.rawValue] = letter.texts[section] ?? "" }
            let fields = LetterSection.allCases.map { Form.textarea($0.rawValue, $0.title, texts, need: .optional, hint: $0.hint + " Geen persoonsgegevens. Een lege regel begint een nieuwe alinea.") }
            editor = """
            <section class="no-print" aria-labelledby="teksten"><h2 id="teksten">Teksten van deze raadsbrief</h2>
            \(Form.errorSummary(state))
            <form method="post" action="\(SiteURL.councilLetterTexts.path)?\(selection.queryString)" novalidate>\(Form.csrf(req))
            \(fields)<button type="submit">Teksten opslaan</button></form></section>
            """
        }
        let response = Layout.page(letter.title, req, flash: flash, stylesheet: "\(SiteURL.councilLetterPrint.path)?\(selection.queryString)", """
        <form method="get" action="\(SiteURL.councilLetter.path)" class="filters no-print" aria-label="Raadsbrief kiezen">
        \(Form.select("municipalityId", "Gemeente", choice, options: municipalities.map { ($0.id!.uuidString, $0.name) }, blank: nil))
        \(Form.select("period", "Kwartaal", choice, options: quarters.map { ($0.description, $0.dutch) }, blank: nil))
        <button type="submit">Toon raadsbrief</button></form>
        <p class="no-print">Afdrukken of als pdf bewaren: kies <em>Afdrukken</em> in de browser (A4). ·
        <a href="\(SiteURL.councilLetterMarkdown.path)?\(selection.queryString)">Download als Markdown</a></p>
        \(letter.html)
        \(editor)
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func markdown(req: Request) async throws -> Response {
        try FigureRequest.requireFigures(req)
        let selection = try await selection(req, values: values(req))
        let letter = try await CouncilLetter.load(db: req.db, actor: try req.actor(), municipality: selection.municipality, quarter: selection.quarter)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "markdown", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"raadsbrief-\(selection.quarter).md\"")
        return Response(status: .ok, headers: headers, body: .init(string: letter.markdown))
    }

    /// `/raadsbrief/print.css`: the letter's running header and page numbers when printed.
    @Sendable static func printStylesheet(req: Request) async throws -> Response {
        try FigureRequest.requireFigures(req)
        let selection = try await selection(req, values: values(req))
        let letter = try await CouncilLetter.load(db: req.db, actor: try req.actor(), municipality: selection.municipality, quarter: selection.quarter)
        let response = Response(status: .ok, body: .init(string: letter.printCSS))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        return response
    }

    @Sendable static func saveTexts(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.writesLetterTexts)
        let selection = try await selection(req, values: values(req))
        let values = req.formValues(LetterSection.allCases.map(\.rawValue))
        let texts = Dictionary(uniqueKeysWithValues: LetterSection.allCases.map { ($0, values[$0.rawValue] ?? "") })
        do {
            try await req.letterService().save(municipality: selection.municipality.id!, quarter: selection.quarter, texts: texts)
        } catch StoreError.invalid(let failure) {
            return try await render(req, selection, state: FormState(values: values, errors: failure.errors))
        }
        return try await render(req, selection, flash: "De teksten zijn opgeslagen.")
    }
}
