import Vapor
import WijknetCore
import WijknetStore

/// `/inwoners/:id/zrm`: a resident's self-sufficiency (ZRM 2017) over time — the first and the
/// latest assessment as a chart, every assessment in a table — imported ZRM 2010 assessments apart,
/// as they are, and the form for a new one.
enum ZRMPage {
    @Sendable static func show(req: Request) async throws -> Response {
        try await render(req, FormState())
    }

    static func render(_ req: Request, _ state: FormState, flash: String? = nil) async throws -> Response {
        let id = try req.id()
        let all = try await req.zrmService().history(id)
        let history = all.filter { $0.version == ZRMVersion.zrm2017.rawValue }
        let older = all.filter { $0.version == ZRMVersion.zrm2010.rawValue }
        let resident = try await req.residentService().find(id)
        func level(_ a: ZRMAssessment, _ domain: LifeDomain) -> Int? { a.scores.first { $0.domain == domain.rawValue }?.level }
        var chart = Markup.empty
        if let first = history.first, let last = history.last {
            let series = (history.count > 1 ? [first, last] : [first]).map { a in
                BarChart.Series(name: CalendarDate(a.assessedOn)?.dutch ?? a.assessedOn, values: LifeDomain.allCases.map { level(a, $0).map(Double.init) })
            }
            chart = BarChart(id: "zrm", title: "Zelfredzaamheid per domein, \(history.count > 1 ? "eerste en laatste meting" : "meting")",
                             categories: LifeDomain.allCases.map(\.label), series: series, measure: .count, slantedLabels: true, maximum: 5, tickStep: 1).svg()
        }
        var form = state
        if form.values["date"] == nil { form.values["date"] = CalendarDate.today().description }
        let levels = [("5", "5 – \(ZRMLevel.name(5))"), ("4", "4 – \(ZRMLevel.name(4))"), ("3", "3 – \(ZRMLevel.name(3))"),
                      ("2", "2 – \(ZRMLevel.name(2))"), ("1", "1 – \(ZRMLevel.name(1))"), ("na", "Niet gescoord")]
        let domains = LifeDomain.allCases.map { d -> Markup in
            """
            <fieldset class="zrm-domain"><legend>\(d.label)</legend>
            \(Form.select("levels.\(d.rawValue)", "Niveau", form, options: levels, blank: "Kies…"))
            \(Form.text("notes.\(d.rawValue)", "Notitie", form, need: .optional))
            \(Form.text("reasons.\(d.rawValue)", "Reden als niet gescoord", form, need: .when("Verplicht als je dit domein niet scoort.")))
            </fieldset>
            """
        }
        let suggestion = try await suggestionSection(try await req.zrmService().suggestion(id))
        let response = Layout.page("Zelfredzaamheid", req, flash: flash, """
        <h1>Zelfredzaamheid van \(resident.fullName)</h1>
        <p>De Zelfredzaamheid-Matrix (ZRM 2017): per domein de huidige situatie, van 1 (acute problematiek) tot 5 (volledig zelfredzaam).
        Elk domein krijgt een niveau, of ‘niet gescoord’ met de reden.</p>
        \(history.isEmpty ? "<p>Er is nog geen meting.</p>" as Markup : """
        <figure class="chart-figure">\(chart)</figure>
        \(table(history))
        """)
        \(olderSection(older))
        <p><a href="\(SiteURL.zrm2010Import.path)">Oudere metingen (ZRM 2010) importeren</a></p>
        \(suggestion)
        <h2>Nieuwe meting</h2>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.residentZRM(id).path)" novalidate>\(Form.csrf(req))
        \(Form.text("date", "Datum van de meting", form, type: "date"))
        \(domains)
        <button type="submit">Meting opslaan</button></form>
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    /// Every ZRM 2017 assessment, a column each.
    static func table(_ history: [ZRMAssessment]) -> Markup {
        let header = history.map { "<th scope=\"col\">\(CalendarDate($0.assessedOn)?.dutch ?? $0.assessedOn)<br><span class=\"hint\">\($0.assessor.displayName)</span></th>" as Markup }
        let rows = LifeDomain.allCases.map { d -> Markup in "<tr><th scope=\"row\">\(d.label)</th>\(history.map { cell($0, d.rawValue) })</tr>" }
        return """
        <table tabindex="0"><caption>Alle metingen (1 = acute problematiek, 5 = volledig zelfredzaam)</caption>
        <thead><tr><th scope="col">Domein</th>\(header)</tr></thead><tbody>\(rows)</tbody></table>
        """
    }

    /// One domain of one assessment as a table cell: the level with its name, or why it was not scored.
    static func cell(_ a: ZRMAssessment, _ domain: String) -> Markup {
        guard let score = a.scores.first(where: { $0.domain == domain }) else { return "<td>–</td>" }
        if let l = score.level { return "<td class=\"number\"><abbr title=\"\(ZRMLevel.name(l))\">\(l)</abbr>\(score.note.map { "<br><span class=\"hint\">\($0)</span>" as Markup } ?? .empty)</td>" }
        return "<td>niet gescoord: \(score.notAssessedReason ?? "")</td>"
    }

    /// Imported ZRM 2010 assessments as they are, each domain with what it became in ZRM 2017.
    static func olderSection(_ older: [ZRMAssessment]) -> Markup {
        guard !older.isEmpty else { return .empty }
        let header = older.map { a -> Markup in
            let imported = a.importedAt.map { " op \(CalendarDate($0).dutch)" } ?? ""
            return "<th scope=\"col\">\(CalendarDate(a.assessedOn)?.dutch ?? a.assessedOn)<br><span class=\"hint\">geïmporteerd door \(a.assessor.displayName)\(imported)</span></th>"
        }
        let rows = ZRM2010Domain.allCases.map { d -> Markup in
            "<tr><th scope=\"row\">\(d.label)</th>\(older.map { cell($0, d.rawValue) })<td>\(d.mappingNote)</td></tr>"
        }
        return """
        <section aria-labelledby="zrm2010"><h2 id="zrm2010">Oudere metingen (ZRM 2010)</h2>
        <p>Deze metingen zijn gedaan met de versie van de matrix met elf domeinen en geïmporteerd uit het systeem van vóór Wijknet.
        Ze staan hier zoals ze zijn gemeten: er is niets omgerekend naar ZRM 2017. De laatste kolom zegt wat elk domein in ZRM 2017 is geworden.</p>
        <table tabindex="0"><caption>ZRM 2010-metingen (1 = acute problematiek, 5 = volledig zelfredzaam)</caption>
        <thead><tr><th scope="col">Domein (ZRM 2010)</th>\(header)<th scope="col">In ZRM 2017</th></tr></thead><tbody>\(rows)</tbody></table>
        </section>
        """
    }

    /// The resident's profile and how requests of residents with that profile were answered: a
    /// suggestion with its basis, never a decision.
    static func suggestionSection(_ suggestion: ZRMService.Suggestion?) async throws -> Markup {
        guard let suggestion else { return .empty }
        let advice = suggestion.advice
        let rows = OutcomeKind.allCases.map { kind -> Markup in
            "<tr><th scope=\"row\">\(kind.label)</th><td class=\"number\">\(FigureFormat.value(advice.outcomeShares[kind] ?? .suppressed, .share))</td></tr>"
        }
        return """
        <section aria-labelledby="profiel"><h2 id="profiel">Profiel en suggestie</h2>
        <p>Profiel (versie \(suggestion.version)): <strong>\(suggestion.profile.name)</strong>.
        Zo werden de verzoeken van inwoners met hetzelfde profiel in \(suggestion.areaName) het afgelopen jaar beantwoord,
        op basis van \(FigureFormat.base(advice.requests.value)) verzoeken. Dit is een suggestie, geen besluit: de keuze blijft bij jou en de inwoner.
        Percentages op minder dan 10 verzoeken worden niet getoond.</p>
        <table tabindex="0"><caption>Uitkomsten van verzoeken van inwoners met dit profiel (een verzoek kan meer uitkomsten hebben)</caption>
        <thead><tr><th scope="col">Uitkomst</th><th scope="col">Aandeel</th></tr></thead><tbody>\(rows)
        <tr><th scope="row">Geïndiceerde zorg binnen het netwerk</th><td class="number">\(FigureFormat.value(advice.insideShare, .share))</td></tr>
        <tr><th scope="row">Mediaan uren per week (eerste toewijzing)</th><td class="number">\(FigureFormat.value(advice.medianHours, .hours))</td></tr>
        </tbody></table></section>
        """
    }

    @Sendable static func record(req: Request) async throws -> Response {
        let id = try req.id()
        let service = try req.zrmService()
        try await req.residentService().requireAccess(id)
        let keys = LifeDomain.allCases.map(\.rawValue)
        let values = req.formValues(["date"] + keys.flatMap { ["levels.\($0)", "notes.\($0)", "reasons.\($0)"] })
        func map(_ prefix: String) -> [String: String] {
            Dictionary(uniqueKeysWithValues: keys.compactMap { k in values["\(prefix).\(k)"].map { (k, $0) } })
        }
        do {
            _ = try await service.record(id, ZRMAssessmentInput(date: values["date"], levels: map("levels"), notes: map("notes"), reasons: map("reasons")))
            return try await render(req, FormState(), flash: "De meting is opgeslagen.")
        } catch StoreError.invalid(let failure) {
            return try await render(req, FormState(values: values, errors: failure.errors))
        }
    }
}
