import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// The quarterly council letter (raadsbrief) on the wijknetwerken: the text blocks policy staff
/// wrote, the council's figures for the quarter beside the previous quarter and the same quarter a
/// year before, and the charts of the trend. As HTML to print (A4) and as Markdown.
struct CouncilLetter {
    let municipality: Municipality
    let quarter: ReportingPeriod
    let view: DashboardView
    let texts: [LetterSection: String]
    /// The statements of the quarter's collaboration survey, all networks together; nil without a round.
    let survey: [(statement: String, result: LikertResult)]?

    /// The figures of the letter's table and charts: those the seed letters report on.
    static let charts: [FigureDefinition] = [.k2, .k3, .k4, .k5]

    static func load(db: any Database, actor: Actor, municipality: Municipality, quarter: ReportingPeriod) async throws -> CouncilLetter {
        let query = FigureQuery(scope: FigureScope(municipalityId: try municipality.requireID()), period: quarter)
        let result = try await FiguresService(db: db, actor: actor).figures(query, trendQuarters: 5)
        let texts = try await LetterService(db: db, actor: actor).texts(municipality: try municipality.requireID(), quarter: quarter)
        var survey: [(String, LikertResult)]?
        if let round = try await SurveyRound.query(on: db).filter(\.$quarter == quarter.description).first() {
            let results = try await SurveyService(db: db, actor: actor).results(try round.requireID())
            survey = results.questions.compactMap { q in q.all.map { (q.question.text, $0) } }
        }
        return CouncilLetter(municipality: municipality, quarter: quarter, view: DashboardView(result), texts: texts, survey: survey)
    }

    var title: String { "Voortgang wijknetwerken, \(quarter.dutch)" }

    /// Printed (A4): the municipality and the letter's title at the top of every page, the page
    /// number and count at the bottom. A stylesheet of its own, as the names differ per letter.
    var printCSS: String {
        """
        @media print {
          @page {
            @top-left { content: "\(Self.cssString("Gemeente \(municipality.name) · \(title)"))"; font: 8.5pt system-ui, sans-serif; color: #4a4a4a; }
            @bottom-right { content: "Pagina " counter(page) " van " counter(pages); font: 8.5pt system-ui, sans-serif; color: #4a4a4a; }
          }
        }

        """
    }

    /// Text as the inside of a CSS string: no quote, backslash or line break can end it early.
    static func cssString(_ text: String) -> String {
        text.unicodeScalars.map { c -> String in
            switch c {
            case "\"", "\\": "\\" + String(c)
            case "\n", "\r", "<", ">": "\\" + String(c.value, radix: 16) + " "
            default: String(c)
            }
        }.joined()
    }

    /// Per line: this quarter, the quarter before, the same quarter a year before.
    var comparison: [(line: FigureLine, previous: FigureLine?, yearBefore: FigureLine?)] {
        let trend = view.trend
        let previous = trend.count >= 2 ? trend[trend.count - 2].lines : [:]
        let yearBefore = trend.count >= 5 ? trend[trend.count - 5].lines : [:]
        return view.lines.map { ($0, previous[$0.key], yearBefore[$0.key]) }
    }

    var columnTitles: [String] {
        let trend = view.trend
        return ["Cijfer", quarter.shortDutch,
                trend.count >= 2 ? trend[trend.count - 2].period.shortDutch : "vorig kwartaal",
                trend.count >= 5 ? trend[trend.count - 5].period.shortDutch : "jaar eerder"]
    }

    private func value(_ line: FigureLine?) -> String {
        line.map { FigureFormat.value($0.value, $0.figure.measure) } ?? "–"
    }

    var html: Markup {
        let rows = comparison.map { c -> Markup in
            "<tr><th scope=\"row\">\(c.line.figure.code) \(c.line.title)</th><td class=\"number\">\(value(c.line))</td><td class=\"number\">\(value(c.previous))</td><td class=\"number\">\(value(c.yearBefore))</td></tr>"
        }
        let header = columnTitles.map { "<th scope=\"col\">\($0)</th>" as Markup }
        let charts = Self.charts.compactMap { figure -> Markup? in
            guard let spec = DashboardView.chartSpecs.first(where: { $0.figure == figure }) else { return nil }
            let chart = view.chart(spec)
            return chart.series.isEmpty ? nil : "<figure class=\"chart-figure letter-chart\"><figcaption>\(chart.title)</figcaption>\(chart.svg())</figure>"
        }
        return """
        <article class="letter">
        <p class="letter-meta">Gemeente \(municipality.name) · raadsbrief · \(quarter.dutch) · stand op \(view.result.asOf.dutch)</p>
        <h1>\(title)</h1>
        \(block(.introduction))
        <h2>De cijfers</h2>
        <p>De kerncijfers van de wijknetwerken in \(municipality.name), uit de registratie in Wijknet, naast het kwartaal ervoor en
        hetzelfde kwartaal een jaar eerder. Aandelen gelden voor de verzoeken of toewijzingen waarover ze gaan; de definities staan in
        de bijlage van Wijknet (Cijfers → Definities).</p>
        <table class="figures" tabindex="0"><caption>Kerncijfers, \(quarter.dutch)</caption><thead><tr>\(header)</tr></thead><tbody>\(rows)</tbody></table>
        <p class="note"><strong>\(FigureFormat.suppressed)</strong>: \(DisclosureControl.explanation)</p>
        \(charts)
        \(surveyHTML)
        \(block(.developments))
        \(block(.next))
        </article>
        """
    }

    private var surveyHTML: Markup {
        guard let survey, !survey.isEmpty else { return .empty }
        let rows = survey.map { s -> Markup in
            Table.numberRow("\(s.statement)", ["\(DisclosureControl.council.count(s.result.responses).value.map(String.init) ?? FigureFormat.suppressed)",
                                                "\(FigureFormat.value(s.result.mean, .mean))"])
        }
        return """
        <h2>Samenwerking in de netwerken</h2>
        <p>De professionals van de netwerken beantwoordden de enquête van dit kwartaal anoniem, op een schaal van 1 (helemaal oneens) tot 5 (helemaal eens).</p>
        <table tabindex="0"><caption>Enquête samenwerking, \(quarter.dutch)</caption><thead><tr><th scope="col">Stelling</th><th scope="col">Antwoorden</th><th scope="col">Gemiddelde</th></tr></thead><tbody>\(rows)</tbody></table>
        """
    }

    private func block(_ section: LetterSection) -> Markup {
        guard let text = texts[section] else { return .empty }
        let paragraphs = text.components(separatedBy: "\n\n").map { "<p>\($0)</p>" as Markup }
        return "<h2>\(section.title)</h2>\(paragraphs)"
    }

    var markdown: String {
        var out = "# \(title)\n\n_Gemeente \(municipality.name) · raadsbrief · \(quarter.dutch) · stand op \(view.result.asOf.dutch)_\n\n"
        func block(_ section: LetterSection) {
            if let text = texts[section] { out += "## \(section.title)\n\n\(Self.inert(text))\n\n" }
        }
        block(.introduction)
        out += "## De cijfers\n\n| " + columnTitles.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: 4) + "\n"
        for c in comparison {
            out += "| \(c.line.figure.code) \(Self.cell(c.line.title)) | \(value(c.line)) | \(value(c.previous)) | \(value(c.yearBefore)) |\n"
        }
        out += "\n_\(FigureFormat.suppressed)_: \(DisclosureControl.explanation)\n\n"
        for figure in Self.charts {
            guard let spec = DashboardView.chartSpecs.first(where: { $0.figure == figure }) else { continue }
            let chart = view.chart(spec)
            guard !chart.series.isEmpty else { continue }
            out += "### \(chart.title)\n\n| reeks | " + chart.categories.joined(separator: " | ") + " |\n|---|" + String(repeating: "---|", count: chart.categories.count) + "\n"
            for serie in chart.series {
                out += "| \(serie.name) | " + serie.values.map { $0.map { FigureFormat.number($0, figure.measure) } ?? FigureFormat.suppressed }.joined(separator: " | ") + " |\n"
            }
            out += "\n"
        }
        if let survey, !survey.isEmpty {
            out += "## Samenwerking in de netwerken\n\nEnquête onder de professionals, anoniem, schaal 1 (helemaal oneens) tot 5 (helemaal eens).\n\n| Stelling | Antwoorden | Gemiddelde |\n|---|---|---|\n"
            for s in survey {
                out += "| \(Self.cell(s.statement)) | \(DisclosureControl.council.count(s.result.responses).value.map(String.init) ?? FigureFormat.suppressed) | \(FigureFormat.value(s.result.mean, .mean)) |\n"
            }
            out += "\n"
        }
        block(.developments)
        block(.next)
        return out
    }

    /// A table cell in Markdown: a `|` in a label must not end the cell.
    static func cell(_ text: String) -> String { inert(text).replacingOccurrences(of: "|", with: "\\|") }

    /// Text as Markdown shows it, never as HTML: Markdown passes tags through, so a `<script>`
    /// written into a letter text would run wherever the file is rendered.
    static func inert(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
