import Vapor
import WijknetCore
import WijknetStore

/// `/enquete`: the collaboration survey (track 2). Professionals answer the open round once,
/// anonymously; the analyst manages questions and rounds; the figure roles read the results.
enum SurveyPages {
    @Sendable static func overview(req: Request) async throws -> Response {
        try await renderOverview(req, FormState())
    }

    static func renderOverview(_ req: Request, _ state: FormState, flash: String? = nil) async throws -> Response {
        let role = try req.requireUser().role
        let service = try req.surveyService()
        let rounds = try await service.rounds()
        let answered = CasePolicy.answersSurvey(role) ? try await service.answeredRounds() : []
        var rows: [Markup] = []
        for round in rounds {
            let quarter = ReportingPeriod(round.quarter)?.dutch ?? round.quarter
            var actions: [Markup] = []
            if CasePolicy.answersSurvey(role) && round.isOpen {
                actions.append(answered.contains(round.id!) ? "Ingevuld, dank je wel" : "<a href=\"\(SiteURL.surveyRound(round.id!).path)\">Invullen<span class=\"visually-hidden\"> voor \(quarter)</span></a>")
            }
            if CasePolicy.seesFigures(role) {
                actions.append("<a href=\"\(SiteURL.surveyResults(round.id!).path)\">Resultaten<span class=\"visually-hidden\"> \(quarter)</span></a>")
            }
            if CasePolicy.managesSurvey(role) && round.isOpen {
                actions.append("<form method=\"post\" action=\"\(SiteURL.surveyRoundClose(round.id!).path)\" class=\"inline\">\(Form.csrf(req))<button type=\"submit\">Sluiten<span class=\"visually-hidden\"> \(quarter)</span></button></form>")
            }
            rows.append("<tr><td>\(quarter)</td><td>\(round.isOpen ? "Open" : "Gesloten")</td><td>\(actions.map { "\($0) " as Markup })</td></tr>")
        }
        var manage = Markup.empty
        if CasePolicy.managesSurvey(role) {
            let year = CalendarDate.today().year
            let quarters = (year - 1...year + 1).flatMap { y in (1...4).compactMap { ReportingPeriod.quarter(y, $0) } }
            var choice = state
            if choice.values["quarter"] == nil { choice.values["quarter"] = ReportingPeriod.quarter(containing: .today()).description }
            manage = """
            <section aria-labelledby="beheer"><h2 id="beheer">Rondes en vragen</h2>
            <p><a href="\(SiteURL.surveyQuestions.path)">Vragen beheren</a>. Een nieuwe ronde stelt de vragen die nu actief zijn.</p>
            \(Form.errorSummary(state))
            <form method="post" action="\(SiteURL.surveyRounds.path)" class="narrow" novalidate>\(Form.csrf(req))
            \(Form.select("quarter", "Kwartaal", choice, options: quarters.map { ($0.description, $0.dutch) }, blank: nil))
            <button type="submit">Ronde openen</button></form></section>
            """
        }
        let response = Layout.page("Enquête samenwerking", req, flash: flash, """
        <h1>Enquête samenwerking in de wijknetwerken</h1>
        <p>Elk kwartaal een korte enquête onder de professionals van de netwerken: hoe verloopt de samenwerking? Antwoorden zijn anoniem;
        Wijknet bewaart alleen dát je hebt meegedaan, niet wát je antwoordde. Resultaten worden pas getoond bij genoeg antwoorden.</p>
        \(rows.isEmpty ? "<p>Er is nog geen ronde.</p>" as Markup : Table.make(.shown("Rondes"), columns: ["Kwartaal", "Status", "Acties"], rows: rows))
        \(manage)
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func openRound(req: Request) async throws -> Response {
        let service = try req.surveyService()
        try req.authorise(CasePolicy.managesSurvey)
        let values = req.formValues(["quarter"])
        guard let quarter = values["quarter"].flatMap(ReportingPeriod.init) else {
            return try await renderOverview(req, FormState(values: values, errors: [FieldError("quarter", "Kies een kwartaal.")]))
        }
        do {
            let round = try await service.openRound(quarter)
            return try await renderOverview(req, FormState(), flash: "De ronde van \(ReportingPeriod(round.quarter)?.dutch ?? round.quarter) is geopend.")
        } catch StoreError.invalid(let failure) {
            return try await renderOverview(req, FormState(values: values, errors: failure.errors))
        }
    }

    @Sendable static func closeRound(req: Request) async throws -> Response {
        let round = try await req.surveyService().closeRound(try req.id())
        return try await renderOverview(req, FormState(), flash: "De ronde van \(ReportingPeriod(round.quarter)?.dutch ?? round.quarter) is gesloten.")
    }

    // MARK: questions

    @Sendable static func questions(req: Request) async throws -> Response {
        try await renderQuestions(req, FormState())
    }

    static func renderQuestions(_ req: Request, _ state: FormState, flash: String? = nil) async throws -> Response {
        let questions = try await req.surveyService().questions()
        let rows = questions.map { q -> Markup in
            let action: Markup = q.active
                ? "<form method=\"post\" action=\"\(SiteURL.surveyQuestionDeactivate(q.id!).path)\" class=\"inline\">\(Form.csrf(req))<button type=\"submit\">Niet meer stellen</button></form>"
                : "Niet meer gesteld"
            return "<tr><td>\(q.text)</td><td>\(q.kind.label)</td><td>\(action)</td></tr>"
        }
        var form = state
        if form.values["kind"] == nil { form.values["kind"] = SurveyQuestionKind.likert.rawValue }
        let response = Layout.page("Vragen enquête", req, flash: flash, """
        <h1>Vragen van de enquête</h1>
        <p>Een vraag die al gesteld is verandert niet meer: maak hem inactief en voeg een nieuwe toe, zodat eerdere rondes vergelijkbaar blijven.</p>
        \(rows.isEmpty ? "<p>Nog geen vragen.</p>" as Markup : Table.make(.shown("Vragen"), columns: ["Vraag", "Soort", "Status"], rows: rows))
        <h2>Vraag toevoegen</h2>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.surveyQuestions.path)" class="narrow" novalidate>\(Form.csrf(req))
        \(Form.text("text", "Vraag of stelling", form, hint: "Bijvoorbeeld: In het overleg nemen we samen besluiten."))
        \(Form.select("kind", "Soort", form, options: SurveyQuestionKind.allCases.map { ($0.rawValue, $0.label) }, blank: nil))
        <button type="submit">Toevoegen</button></form>
        <p><a href="\(SiteURL.survey.path)">Terug naar de enquête</a></p>
        """)
        if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func addQuestion(req: Request) async throws -> Response {
        let values = req.formValues(["text", "kind"])
        do {
            _ = try await req.surveyService().addQuestion(SurveyQuestionInput(text: values["text"], kind: values["kind"]))
            return try await renderQuestions(req, FormState(), flash: "De vraag is toegevoegd.")
        } catch StoreError.invalid(let failure) {
            return try await renderQuestions(req, FormState(values: values, errors: failure.errors))
        }
    }

    @Sendable static func deactivate(req: Request) async throws -> Response {
        _ = try await req.surveyService().deactivate(try req.id())
        return try await renderQuestions(req, FormState(), flash: "De vraag wordt niet meer gesteld in nieuwe rondes.")
    }

    // MARK: answering

    @Sendable static func answerForm(req: Request) async throws -> Response {
        try await renderAnswer(req, FormState())
    }

    static func renderAnswer(_ req: Request, _ state: FormState, message: String? = nil, status: HTTPResponseStatus? = nil) async throws -> Response {
        let service = try req.surveyService()
        let networks = try await service.networks()
        let (round, questions) = try await service.round(try req.id())
        let quarter = ReportingPeriod(round.quarter)?.dutch ?? round.quarter
        let fields = questions.enumerated().map { n, q -> Markup in
            let name = "answers.\(q.id!.uuidString)"
            switch q.kind {
            case .likert:
                return Form.radios(name, "\(n + 1). \(q.text)", state, options: Likert.range.map { ("\($0)", "\($0) – \(Likert.label($0))") })
            case .open:
                return Form.textarea(name, "\(n + 1). \(q.text)", state, need: .optional, rows: 3)
            }
        }
        var form = state
        if form.values["networkId"] == nil, networks.count == 1 { form.values["networkId"] = networks[0].id!.uuidString }
        let body: Markup = !round.isOpen ? "<p>Deze ronde is gesloten.</p>" : try await service.hasAnswered(round.id!) && message == nil
            ? "<p>Je hebt deze ronde al ingevuld. Dank je wel.</p>" : """
            \(Form.errorSummary(state))
            <form method="post" action="\(SiteURL.surveyRound(round.id!).path)" novalidate>\(Form.csrf(req))
            \(Form.select("networkId", "Over welk wijknetwerk gaan je antwoorden?", form, options: networks.map { ($0.id!.uuidString, $0.name) }))
            \(fields)
            <button type="submit">Versturen</button></form>
            """
        let response = Layout.page("Enquête \(quarter)", req, flash: message, """
        <h1>Enquête samenwerking, \(quarter)</h1>
        <p>Je antwoorden zijn anoniem: Wijknet bewaart alleen dat je hebt meegedaan. Je kunt één keer per ronde antwoorden.</p>
        \(body)
        """)
        if let status { response.status = status } else if !state.errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func answer(req: Request) async throws -> Response {
        let service = try req.surveyService()
        let id = try req.id()
        let (_, questions) = try await service.round(id)
        let names = ["networkId"] + questions.map { "answers.\($0.id!.uuidString)" }
        let values = req.formValues(names)
        var answers: [String: String] = [:]
        for q in questions { answers[q.id!.uuidString] = values["answers.\(q.id!.uuidString)"] }
        do {
            try await service.respond(id, SurveyResponseInput(networkId: values["networkId"], answers: answers))
        } catch StoreError.invalid(let failure) {
            return try await renderAnswer(req, FormState(values: values, errors: failure.errors))
        } catch StoreError.conflict(let message) {
            return try await renderAnswer(req, FormState(), message: message, status: .conflict)
        }
        return Layout.page("Dank je wel", req, flash: "Je antwoorden zijn opgeslagen, anoniem.", """
        <h1>Dank je wel</h1><p><a href="\(SiteURL.survey.path)">Terug naar de enquête</a></p>
        """)
    }

    // MARK: results

    @Sendable static func results(req: Request) async throws -> Response {
        let results = try await req.surveyService().results(try req.id())
        let quarter = ReportingPeriod(results.round.quarter)?.dutch ?? results.round.quarter
        func count(_ value: Disclosed<Int>) -> String { value.value.map(String.init) ?? FigureFormat.suppressed }
        let perNetwork = results.responsesPerNetwork.map { "<li>\($0.network.name): \(count($0.count))</li>" as Markup }
        let blocks = results.questions.enumerated().map { n, q -> Markup in
            if q.question.kind == .open {
                guard let answers = q.openAnswers else { return "<section><h2>\(n + 1). \(q.question.text)</h2><p>Open antwoorden zie je als beleidsadviseur, bij genoeg antwoorden.</p></section>" }
                return "<section><h2>\(n + 1). \(q.question.text)</h2>\(answers.isEmpty ? "<p>Geen antwoorden.</p>" as Markup : "<ul>\(answers.map { "<li>\($0)</li>" as Markup })</ul>")</section>"
            }
            let header = Likert.range.map { "<th scope=\"col\">\($0) \(Likert.label($0))</th>" as Markup }
            func row(_ name: String, _ r: LikertResult) -> Markup {
                let cells = Likert.range.map { v -> Markup in "<td class=\"number\">\(r.distribution.flatMap { $0[v - 1] }.map(String.init) ?? FigureFormat.suppressed)</td>" }
                return "<tr><th scope=\"row\">\(name)</th><td class=\"number\">\(count(DisclosureControl.council.count(r.responses)))</td><td class=\"number\">\(FigureFormat.value(r.mean, .mean))</td>\(cells)</tr>"
            }
            let rows = [row("Alle netwerken", q.all!)] + q.perNetwork.map { row($0.network.name, $0.result) }
            return """
            <section><h2>\(n + 1). \(q.question.text)</h2>
            <table tabindex="0"><caption>Antwoorden per netwerk, \(quarter)</caption><thead><tr><th scope="col">Netwerk</th><th scope="col">Antwoorden</th><th scope="col">Gemiddelde</th>\(header)</tr></thead>
            <tbody>\(rows)</tbody></table></section>
            """
        }
        return Layout.page("Resultaten enquête \(quarter)", req, """
        <h1>Resultaten enquête samenwerking, \(quarter)</h1>
        <p>Antwoorden: \(count(results.responses)). Per netwerk:</p><ul>\(perNetwork)</ul>
        <p><strong>\(FigureFormat.suppressed)</strong>: minder dan 5 antwoorden, of een gemiddelde op minder dan 10 antwoorden.</p>
        \(blocks)
        <p><a href="\(SiteURL.survey.path)">Terug naar de enquête</a></p>
        """)
    }
}
