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
            .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
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

    /// Providers for the request's law, this network's partners first (`PartnerChoice`).
    static func careOptions(_ organisations: [Organisation], _ file: CaseFile, _ memberships: [MembershipPeriod]) -> [Form.OptionGroup] {
        let laws = file.request.law.laws
        return choice(organisations.filter { o in laws.contains { o.kind.provides($0) } }, file, memberships) { "\($0.name) – \($0.kind.label)" }
    }

    /// Welfare and social-base organisations, this network's partners first.
    static func welfareOptions(_ organisations: [Organisation], _ file: CaseFile, _ memberships: [MembershipPeriod]) -> [Form.OptionGroup] {
        choice(organisations.filter { $0.kind == .welfare || $0.kind == .socialBase }, file, memberships) { $0.name }
    }

    private static func choice(_ organisations: [Organisation], _ file: CaseFile, _ memberships: [MembershipPeriod],
                               label: (Organisation) -> String) -> [Form.OptionGroup] {
        let byID = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id!, $0) })
        let candidates = organisations.map { PartnerChoice.Candidate(id: $0.id!, name: $0.name) }
        return PartnerChoice.grouped(candidates, network: file.network?.id, on: .today(), memberships: memberships).map { group, members in
            Form.OptionGroup(label: group.label, options: members.map { ($0.id.uuidString, label(byID[$0.id]!)) })
        }
    }

    static func reasonOptions(_ req: Request) async throws -> [(value: String, label: String)] {
        try await Catalogue.reasons(on: req.db).filter { !$0.retired }.map { ($0.code, $0.label) }
    }

    static func decision(_ req: Request, _ file: CaseFile, _ state: FormState, organisations: [Organisation], memberships: [MembershipPeriod],
                         open: Bool) async throws -> Markup {
        let id = file.request.id!
        let reasons = try await reasonOptions(req)
        return """
        <details id="besluit" class="step"\(Markup(raw: open ? " open" : ""))><summary><h3 id="besluit-title">Besluit vastleggen</h3></summary>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.requestDecision(id).path)" novalidate>\(Form.csrf(req))\(Form.hidden("version", String(file.request.version)))
        <p>Kies een of meer uitkomsten.</p>
        <fieldset><legend>Eigen netwerk</legend>\(Form.checkbox("ownNetwork", "Eigen netwerk (familie, buren, vrijwilligers)", checked: state["ownNetwork"] == "on"))</fieldset>
        <fieldset><legend>Welzijn</legend>\(Form.checkbox("welfare", "Toeleiding naar welzijn", checked: state["welfare"] == "on"))
        \(Form.select("welfarePartner", "Welzijnspartner", state, groups: welfareOptions(organisations, file, memberships), need: .when("Verplicht bij toeleiding naar welzijn.")))
        \(Form.text("welfareActivity", "Activiteit", state, need: .when("Verplicht bij toeleiding naar welzijn.")))</fieldset>
        <fieldset><legend>Wijkcoach</legend>\(Form.checkbox("coachSupport", "Ondersteuning door de wijkcoach", checked: state["coachSupport"] == "on"))</fieldset>
        <fieldset><legend>Geïndiceerde zorg</legend>\(Form.checkbox("care", "Geïndiceerde zorg", checked: state["care"] == "on"))
        \(Form.select("careProvider", "Aanbieder", state, groups: careOptions(organisations, file, memberships), need: .when("Verplicht bij geïndiceerde zorg.")))
        \(Form.select("careReason", "Reden buiten het netwerk", state, options: reasons, need: .when("Verplicht als de aanbieder geen netwerkpartner is.")))
        \(Form.text("careReasonText", "Toelichting op de reden", state, need: .when("Verplicht bij een reden die om toelichting vraagt.")))</fieldset>
        \(Form.textarea("note", "Notitie bij het besluit", state, need: .optional, rows: 3))
        <button type="submit">Besluit vastleggen</button></form></details>
        """
    }

    /// Pre-filled from the meeting's decision: the provider of the indicated care, and the law
    /// that provider works under. Products are grouped per law, the chosen law first.
    static func assignment(_ req: Request, _ file: CaseFile, _ state: FormState, organisations: [Organisation], memberships: [MembershipPeriod],
                           open: Bool) async throws -> Markup {
        let id = file.request.id!
        let products = try await Catalogue.products(on: req.db).filter { file.request.law.includes($0.law) }
        let previous = file.assignments.map { ($0.id!.uuidString, "\($0.product.name) bij \($0.provider.name) vanaf \(CalendarDate($0.start)?.dutch ?? $0.start)") }
        var values = state
        if state.errors.isEmpty {
            if values["startDate"].isEmpty { values.values["startDate"] = CalendarDate.today().description }
            if values["providerId"].isEmpty, let care = file.outcomes.first(where: { $0.kind == .indicatedCare }), let provider = care.$organisation.id {
                values.values["providerId"] = provider.uuidString
                if let kind = organisations.first(where: { $0.id == provider })?.kind, let law = Law.allCases.first(where: kind.provides) {
                    values.values["law"] = law.rawValue
                }
            }
        }
        if values["law"].isEmpty, file.request.law.laws.count == 1 { values.values["law"] = file.request.law.laws.first!.rawValue }
        let lawOrder = Law.allCases.filter(file.request.law.includes).sorted { ($0.rawValue == values["law"] ? 0 : 1) < ($1.rawValue == values["law"] ? 0 : 1) }
        let productGroups = lawOrder.map { law in
            Form.OptionGroup(label: law.label, options: products.filter { $0.law == law }
                .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
                .map { ($0.id!.uuidString, "\($0.name), categorie \($0.categoryCode)") })
        }
        return """
        <details id="toewijzing" class="step"\(Markup(raw: open ? " open" : ""))><summary><h3 id="toewijzing-title">Toewijzing vastleggen</h3></summary>
        \(Form.errorSummary(values))
        <form method="post" action="\(SiteURL.requestAssignment(id).path)" novalidate>\(Form.csrf(req))\(Form.hidden("version", String(file.request.version)))
        \(Form.select("law", "Wet", values, options: Law.allCases.filter(file.request.law.includes).map { ($0.rawValue, $0.label) }))
        \(Form.select("productId", "Product", values, groups: productGroups))
        \(Form.select("providerId", "Aanbieder", values, groups: careOptions(organisations, file, memberships), hint: "Of de toewijzing binnen het netwerk valt, volgt uit het lidmaatschap op de startdatum."))
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

    /// Pre-filled from the meeting's decision: the welfare partner and the activity it named.
    static func referral(_ req: Request, _ file: CaseFile, _ state: FormState, organisations: [Organisation], memberships: [MembershipPeriod],
                         open: Bool) -> Markup {
        let id = file.request.id!
        var values = state
        if state.errors.isEmpty {
            if values["date"].isEmpty { values.values["date"] = CalendarDate.today().description }
            if values["partnerId"].isEmpty, let welfare = file.outcomes.first(where: { $0.kind == .welfare }) {
                values.values["partnerId"] = welfare.$organisation.id?.uuidString ?? ""
                values.values["activity"] = welfare.activity ?? ""
            }
        }
        return """
        <details id="toeleiding" class="step"\(Markup(raw: open ? " open" : ""))><summary><h3 id="toeleiding-title">Toeleiding naar welzijn vastleggen</h3></summary>
        \(Form.errorSummary(values))
        <form method="post" action="\(SiteURL.requestReferral(id).path)" novalidate>\(Form.csrf(req))\(Form.hidden("version", String(file.request.version)))
        \(Form.select("partnerId", "Welzijnspartner", values, groups: welfareOptions(organisations, file, memberships)))
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
