import Vapor
import WijknetCore
import WijknetStore

/// Track 3, effects for residents: the questionnaire on a request (`/verzoeken/:id/effectmeting`),
/// the follow-ups due for a coach (`/effectmetingen`) and the change per network
/// (`/cijfers/effecten`).
enum EffectPages {
    static let measure = EffectMeasure.questionnaire

    @Sendable static func show(req: Request) async throws -> Response {
        try await render(req, FormState())
    }

    static func render(_ req: Request, _ state: FormState, flash: String? = nil) async throws -> Response {
        let id = try req.id()
        let service = try req.effectService()
        let request = try await req.requestService().load(id, for: .write)
        let measurements = try await service.measurements(id)
        let byMoment = Dictionary(measurements.map { ($0.moment, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = measure.items.map { item -> Markup in
            let cells = EffectMoment.allCases.map { moment -> Markup in
                "<td class=\"number\">\(byMoment[moment]?.scores[item.key].map(String.init) ?? "–")</td>"
            }
            return "<tr><th scope=\"row\">\(item.text)</th>\(cells)</tr>"
        }
        let header = EffectMoment.allCases.map { m -> Markup in
            "<th scope=\"col\">\(m.label)\(byMoment[m].flatMap { CalendarDate($0.measuredOn) }.map { " (\($0.dutch))" } ?? "")</th>"
        }
        var form = state
        if form.values["moment"] == nil { form.values["moment"] = byMoment[.intake] == nil ? EffectMoment.intake.rawValue : EffectMoment.followUp.rawValue }
        if form.values["date"] == nil { form.values["date"] = CalendarDate.today().description }
        let due = byMoment[.intake].flatMap { CalendarDate($0.measuredOn) }.map(service.followUpDue)
        let questions = measure.items.enumerated().map { n, item -> Markup in
            Form.radios("scores.\(item.key)", "\(n + 1). \(item.text)", form, options: (1...5).map { ("\($0)", "\($0) – \(ResidentQuestion.scaleLabel($0))") })
        }
        let response = Layout.page("Effectmeting", req, flash: flash, """
        <h1>Effectmeting: vragenlijst inwoner</h1>
        <p>Bij de aanvraag en \(req.application.wijknetConfig.followUpMonths) maanden later loop je met de inwoner deze vijf vragen door.
        Zo is te zien wat de ondersteuning voor inwoners betekent, binnen en buiten het netwerk.
        \(due.map { "De vervolgmeting is nodig vanaf \($0.dutch)." as Markup } ?? .empty)</p>
        <table tabindex="0"><caption>Antwoorden (1 = helemaal niet, 5 = helemaal wel)</caption><thead><tr><th scope="col">Vraag</th>\(header)</tr></thead><tbody>\(rows)</tbody></table>
        <h2>Meting vastleggen</h2>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.requestEffects(id).path)" novalidate>\(Form.csrf(req))
        \(Form.select("moment", "Moment", form, options: EffectMoment.allCases.map { ($0.rawValue, $0.label) }, blank: nil, hint: "Een moment opnieuw vastleggen vervangt de eerdere meting."))
        \(Form.text("date", "Datum van het gesprek", form, type: "date"))
        \(questions)
        <button type="submit">Opslaan</button> <a href="\(SiteURL.request(try request.requireID()).path)">Terug naar het verzoek</a>
        </form>
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func record(req: Request) async throws -> Response {
        let id = try req.id()
        let service = try req.effectService()
        _ = try await req.requestService().load(id, for: .write)
        let names = ["moment", "date"] + measure.items.map { "scores.\($0.key)" }
        let values = req.formValues(names)
        let scores = Dictionary(uniqueKeysWithValues: measure.items.compactMap { item in values["scores.\(item.key)"].map { (item.key, $0) } })
        do {
            let saved = try await service.record(id, EffectMeasurementInput(moment: values["moment"], date: values["date"], scores: scores))
            return try await render(req, FormState(), flash: "De meting (\(saved.moment.label.lowercased())) is opgeslagen.")
        } catch StoreError.invalid(let failure) {
            return try await render(req, FormState(values: values, errors: failure.errors))
        }
    }

    @Sendable static func due(req: Request) async throws -> Response {
        let list = try await req.effectService().dueFollowUps()
        let rows = list.map { item -> Markup in
            "<tr><td><a href=\"\(SiteURL.requestEffects(item.request.id!).path)\">\(item.request.resident.fullName)</a></td><td>\(CalendarDate(item.request.intakeDate)?.dutch ?? item.request.intakeDate)</td><td>\(item.due.dutch)</td></tr>"
        }
        return Layout.page("Vervolgmetingen", req, """
        <h1>Vervolgmetingen die nodig zijn</h1>
        <p>Inwoners van jouw gebied bij wie de vragenlijst bij de aanvraag is afgenomen en de vervolgperiode voorbij is.</p>
        \(rows.isEmpty ? "<p>Er zijn nu geen vervolgmetingen nodig.</p>" as Markup : Table.make(.shown("\(rows.count) vervolgmetingen"), columns: ["Inwoner", "Aanvraag", "Nodig vanaf"], rows: rows))
        """)
    }

    /// The change per question (or ZRM domain), per network and outside, for the dashboard's filters.
    @Sendable static func results(req: Request) async throws -> Response {
        try FigureRequest.requireFigures(req)
        let chosen = EffectMeasure(rawValue: (try? req.query.get(String.self, at: "measure")) ?? "") ?? .questionnaire
        var state = FormState(values: FigureQueryInput.values(of: req))
        let query: FigureQuery
        do { query = try FigureQueryInput(values: state.values).query() } catch {
            state.errors = error.errors
            query = FigureQuery(period: FigureQueryInput.lastCompleteQuarter())
        }
        if state.values["period"] == nil && state.values["from"] == nil { state.values["period"] = query.period.description }
        let changes = try await req.effectService().changes(query, measure: chosen)
        let networks = Dictionary(uniqueKeysWithValues: try await Catalogue.networks(on: req.db).map { ($0.id!, $0.name) })
        func name(_ group: EffectGroup) -> String {
            switch group {
            case .network(let id): networks[id] ?? "onbekend netwerk"
            case .outside: "Buiten het netwerk"
            }
        }
        func number(_ value: Disclosed<Double>, signed: Bool = false) -> String {
            guard let v = value.value else { return FigureFormat.suppressed }
            return (signed && v > 0 ? "+" : "") + FigureFormat.decimal(v, digits: 1)
        }
        let tables = chosen.items.map { item -> Markup in
            let rows = changes.filter { $0.item == item.key }.sorted { name($0.group) < name($1.group) }.map { c -> Markup in
                Table.numberRow("\(name(c.group))", ["\(c.pairs.value.map(String.init) ?? FigureFormat.suppressed)", "\(number(c.before))",
                                                       "\(number(c.after))", "\(number(c.change, signed: true))"])
            }
            return rows.isEmpty ? "<h2>\(item.text)</h2><p>Nog geen paren van metingen in deze periode.</p>" : """
            <h2>\(item.text)</h2>
            \(Table.make(.shown("\(item.text) — verandering per netwerk"), columns: ["Groep", "Paren", "Bij de aanvraag", "Na de vervolgperiode", "Verandering"], rows: rows))
            """
        }
        let measures = EffectMeasure.allCases.map { m -> Markup in
            m == chosen ? "<strong>\(m.label)</strong> " : "<a href=\"\(SiteURL.dashboardEffects.path)?measure=\(m.rawValue)\">\(m.label)</a> "
        }
        let response = Layout.page("Effecten voor inwoners", req, """
        <h1>Effecten voor inwoners: \(chosen.label.lowercased())</h1>
        <p>Maat: \(measures)</p>
        <p>De verandering per vraag of domein tussen de eerste meting en de meting na de vervolgperiode
        (\(req.application.wijknetConfig.followUpMonths) maanden), over inwoners van wie beide metingen er zijn en de latere in de gekozen periode viel (paren). Binnen het netwerk: de eerste toewijzingen bleven binnen het netwerk, of het
        verzoek ging naar welzijn; buiten: een eerste toewijzing ging naar een aanbieder buiten het netwerk. Schaal 1 tot 5; een positieve
        verandering is een verbetering. <strong>\(FigureFormat.suppressed)</strong>: minder dan 5 paren, of een gemiddelde op minder dan 10.</p>
        \(Form.errorSummary(state))
        \(try await DashboardPage.filterForm(req, state, action: SiteURL.dashboardEffects, extra: Form.hidden("measure", chosen.rawValue)))
        \(tables)
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }
}
