import Vapor
import WijknetCore
import WijknetStore

/// The forms on the case page, one per next step.
enum CaseForms {
    static func route(_ req: Request, _ file: CaseFile, _ state: FormState, organisations: [Organisation], memberships: [MembershipPeriod],
                      directAllowed: Bool, open: Bool) -> Markup {
        let id = file.request.id!
        let today = CalendarDate.today()
        let partners = organisations
            .filter { DirectRoute.allows(partner: $0.id!, kind: $0.kind, network: file.network?.id, law: file.request.law, on: today, memberships: memberships) }
            .map { ($0.id!.uuidString, "\($0.name) – \($0.kind.label)") }
        let routes = WijknetCore.Route.allCases.filter { directAllowed || $0 == .meeting }
        return """
        <details id="route" class="step"\(Markup(raw: open ? " open" : ""))><summary><h3 id="route-title">Route kiezen</h3></summary>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.requestRoute(id).path)" novalidate>\(Form.csrf(req))\(Form.hidden("version", String(file.request.version)))
        \(Form.radios("route", "Route", state, options: routes.map { ($0.rawValue, $0.label) }, hint: "Alleen bij twijfel over de juiste ondersteuning naar het overleg."))
        \(Form.select("partnerId", "Partner (bij directe route)", state, options: partners, need: .when("Verplicht bij de directe route.")))
        <button type="submit">Route vastleggen</button></form></details>
        """
    }

    static func placement(_ req: Request, _ file: CaseFile) async throws -> [MembershipPeriod] {
        guard let network = file.network?.id else { return [] }
        return try await Catalogue.memberships(on: req.db, network: network).map(\.period)
    }

    static func careOptions(_ organisations: [Organisation], _ file: CaseFile, _ periods: [MembershipPeriod]) -> [(value: String, label: String)] {
        let today = CalendarDate.today()
        let laws = file.request.law.laws
        return organisations.filter { o in laws.contains { o.kind.provides($0) } }
            .map { o in
                let inside = NetworkPlacement.isInside(provider: o.id!, network: file.network?.id, on: today, memberships: periods)
                return (o.id!.uuidString, "\(o.name) – \(o.kind.label)\(inside ? " (netwerkpartner)" : "")")
            }
            .sorted { ($0.1.contains("(netwerkpartner)") ? 0 : 1, $0.1) < ($1.1.contains("(netwerkpartner)") ? 0 : 1, $1.1) }
    }

    static func reasonOptions(_ req: Request) async throws -> [(value: String, label: String)] {
        try await Catalogue.reasons(on: req.db).filter { !$0.retired }.map { ($0.code, $0.label) }
    }

    static func decision(_ req: Request, _ file: CaseFile, _ state: FormState, organisations: [Organisation], open: Bool) async throws -> Markup {
        let id = file.request.id!
        let periods = try await placement(req, file)
        let welfare = organisations.filter { $0.kind == .welfare || $0.kind == .socialBase }.map { ($0.id!.uuidString, $0.name) }
        let reasons = try await reasonOptions(req)
        return """
        <details id="besluit" class="step"\(Markup(raw: open ? " open" : ""))><summary><h3 id="besluit-title">Besluit vastleggen</h3></summary>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.requestDecision(id).path)" novalidate>\(Form.csrf(req))\(Form.hidden("version", String(file.request.version)))
        <p>Kies een of meer uitkomsten.</p>
        <fieldset><legend>Eigen netwerk</legend>\(Form.checkbox("ownNetwork", "Eigen netwerk (familie, buren, vrijwilligers)", checked: state["ownNetwork"] == "on"))</fieldset>
        <fieldset><legend>Welzijn</legend>\(Form.checkbox("welfare", "Toeleiding naar welzijn", checked: state["welfare"] == "on"))
        \(Form.select("welfarePartner", "Welzijnspartner", state, options: welfare, need: .when("Verplicht bij toeleiding naar welzijn.")))
        \(Form.text("welfareActivity", "Activiteit", state, need: .when("Verplicht bij toeleiding naar welzijn.")))</fieldset>
        <fieldset><legend>Wijkcoach</legend>\(Form.checkbox("coachSupport", "Ondersteuning door de wijkcoach", checked: state["coachSupport"] == "on"))</fieldset>
        <fieldset><legend>Geïndiceerde zorg</legend>\(Form.checkbox("care", "Geïndiceerde zorg", checked: state["care"] == "on"))
        \(Form.select("careProvider", "Aanbieder", state, options: careOptions(organisations, file, periods), need: .when("Verplicht bij geïndiceerde zorg.")))
        \(Form.select("careReason", "Reden buiten het netwerk", state, options: reasons, need: .when("Verplicht als de aanbieder geen netwerkpartner is.")))
        \(Form.text("careReasonText", "Toelichting op de reden", state, need: .when("Verplicht bij een reden die om toelichting vraagt.")))</fieldset>
        \(Form.textarea("note", "Notitie bij het besluit", state, need: .optional, rows: 3))
        <button type="submit">Besluit vastleggen</button></form></details>
        """
    }

    static func assignment(_ req: Request, _ file: CaseFile, _ state: FormState, organisations: [Organisation], open: Bool) async throws -> Markup {
        let id = file.request.id!
        let periods = try await placement(req, file)
        let products = try await Catalogue.products(on: req.db).filter { file.request.law.includes($0.law) }
        let previous = file.assignments.map { ($0.id!.uuidString, "\($0.product.name) bij \($0.provider.name) vanaf \(CalendarDate($0.start)?.dutch ?? $0.start)") }
        var values = state
        if values["startDate"].isEmpty && state.errors.isEmpty { values.values["startDate"] = CalendarDate.today().description }
        if values["law"].isEmpty, file.request.law.laws.count == 1 { values.values["law"] = file.request.law.laws.first!.rawValue }
        return """
        <details id="toewijzing" class="step"\(Markup(raw: open ? " open" : ""))><summary><h3 id="toewijzing-title">Toewijzing vastleggen</h3></summary>
        \(Form.errorSummary(values))
        <form method="post" action="\(SiteURL.requestAssignment(id).path)" novalidate>\(Form.csrf(req))\(Form.hidden("version", String(file.request.version)))
        \(Form.select("law", "Wet", values, options: Law.allCases.filter(file.request.law.includes).map { ($0.rawValue, $0.label) }))
        \(Form.select("productId", "Product", values, options: products.map { ($0.id!.uuidString, "\($0.name) – \($0.law.label), categorie \($0.categoryCode)") }))
        \(Form.select("providerId", "Aanbieder", values, options: careOptions(organisations, file, periods), hint: "Of de toewijzing binnen het netwerk valt, volgt uit het lidmaatschap op de startdatum."))
        \(Form.text("hoursPerWeek", "Uren per week", values, hint: "Bijvoorbeeld 3 of 2,5"))
        \(Form.text("startDate", "Startdatum", values, type: "date"))
        \(Form.text("endDate", "Einddatum", values, type: "date", need: .optional))
        \(Form.select("kind", "Soort toewijzing", values, options: AssignmentKind.allCases.map { ($0.rawValue, $0.label) }, blank: nil))
        \(Form.select("previousAssignmentId", "Eerdere toewijzing (bij verlenging of wijziging)", values, options: previous, need: .when("Verplicht bij een verlenging of wijziging.")))
        \(Form.select("outsideReason", "Reden buiten het netwerk", values, options: try await reasonOptions(req), need: .when("Bij een eerste toewijzing buiten het netwerk."),
                      blank: OutsideReasonOption.notRecordedLabel,
                      hint: "Leeg: de reden uit het besluit van het overleg, of niet vastgelegd."))
        \(Form.text("outsideReasonText", "Toelichting op de reden", values, need: .when("Verplicht bij een reden die om toelichting vraagt.")))
        <button type="submit">Toewijzing vastleggen</button></form></details>
        """
    }

    static func referral(_ req: Request, _ file: CaseFile, _ state: FormState, organisations: [Organisation], open: Bool) -> Markup {
        let id = file.request.id!
        let welfare = organisations.filter { $0.kind == .welfare || $0.kind == .socialBase }.map { ($0.id!.uuidString, $0.name) }
        var values = state
        if values["date"].isEmpty && state.errors.isEmpty { values.values["date"] = CalendarDate.today().description }
        return """
        <details id="toeleiding" class="step"\(Markup(raw: open ? " open" : ""))><summary><h3 id="toeleiding-title">Toeleiding naar welzijn vastleggen</h3></summary>
        \(Form.errorSummary(values))
        <form method="post" action="\(SiteURL.requestReferral(id).path)" novalidate>\(Form.csrf(req))\(Form.hidden("version", String(file.request.version)))
        \(Form.select("partnerId", "Welzijnspartner", values, options: welfare))
        \(Form.text("activity", "Activiteit", values))
        \(Form.text("date", "Datum", values, type: "date"))
        \(Form.select("status", "Status", values, options: ReferralStatus.allCases.map { ($0.rawValue, $0.label) }, blank: nil))
        <button type="submit">Toeleiding vastleggen</button></form></details>
        """
    }

    static func close(_ req: Request, _ file: CaseFile, _ state: FormState, open: Bool) -> Markup {
        let id = file.request.id!
        return """
        <details id="afsluiten" class="step"\(Markup(raw: open ? " open" : ""))><summary><h3 id="afsluiten-title">Verzoek afsluiten</h3></summary>
        <p>Als de ondersteuning klaar is, of als het verzoek vervalt (bijvoorbeeld omdat de inwoner afziet van hulp).</p>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.requestClose(id).path)" novalidate>\(Form.csrf(req))\(Form.hidden("version", String(file.request.version)))
        \(Form.checkbox("confirm", "Ik bevestig dat dit verzoek wordt afgesloten. Daarna kan het niet meer worden gewijzigd.", checked: false))
        \(state.error("confirm").map { e -> Markup in "<p class=\"field-error\" id=\"\(Form.id("confirm"))-error\">\(e)</p>" } ?? .empty)
        <button type="submit" class="danger">Afsluiten</button></form></details>
        """
    }
}
