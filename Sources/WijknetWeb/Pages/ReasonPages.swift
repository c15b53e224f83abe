import Vapor
import WijknetCore
import WijknetStore

/// `/beheer/redenen`: the list of reasons why care went outside the network. Administrators add
/// reasons, reword them and retire them; a reason is never deleted, because decisions, assignments
/// and K10 keep naming it.
enum ReasonPages {
    /// Which of the two forms failed.
    enum Failed { case add, change }

    @Sendable static func list(req: Request) async throws -> Response {
        try await render(req, failed: nil, FormState())
    }

    static func render(_ req: Request, failed: Failed?, _ state: FormState) async throws -> Response {
        _ = try AdminPages.service(req)
        let reasons = try await Catalogue.reasons(on: req.db)
        func form(_ which: Failed) -> FormState { failed == which ? state : FormState() }
        let rows = reasons.map { r -> Markup in
            "<tr><td>\(r.code)</td><td>\(r.label)</td><td>\(r.requiresText ? "Ja" : "Nee")</td><td>\(r.retired ? "Niet meer in gebruik" : "In gebruik")</td></tr>"
        }
        let choices = reasons.map { ($0.code, "\($0.label) (\($0.code))") }
        let statuses = [("in-gebruik", "In gebruik"), ("niet-in-gebruik", "Niet meer in gebruik")]
        let response = Layout.page("Redenen buiten het netwerk", req, """
        <h1>Redenen buiten het netwerk</h1>
        <p>Het netwerkoverleg kiest een reden uit deze lijst als het zorg buiten het wijknetwerk plaatst; K10 telt ze.
        Een reden die niet meer in gebruik is, wordt niet meer aangeboden, maar blijft staan bij wat ermee is vastgelegd.
        Zorg buiten het netwerk zonder reden (rechtstreeks, of van vóór het netwerk) telt als '\(OutsideReasonOption.notRecordedLabel)'.</p>
        \(Table.make(.shown("Redenen"), columns: ["Code", "Omschrijving", "Toelichting verplicht", "Status"], rows: rows))
        <section aria-labelledby="nieuw"><h2 id="nieuw">Reden toevoegen</h2>
        \(Form.errorSummary(form(.add)))
        <form method="post" action="\(SiteURL.adminReasons.path)" class="narrow" novalidate>\(Form.csrf(req))
        \(Form.text("code", "Code", form(.add), hint: "Kleine letters, cijfers en koppeltekens, bijvoorbeeld expertise-dementie. De code verandert later niet."))
        \(Form.text("label", "Omschrijving", form(.add)))
        \(Form.checkbox("requiresText", "Vraag om een toelichting", checked: form(.add)["requiresText"] == "on"))
        <button type="submit">Toevoegen</button></form></section>
        <section aria-labelledby="wijzigen"><h2 id="wijzigen">Reden wijzigen of niet meer gebruiken</h2>
        \(Form.errorSummary(form(.change)))
        <form method="post" action="\(SiteURL.adminReasonChange.path)" class="narrow" novalidate>\(Form.csrf(req))
        \(Form.select("reason", "Reden", form(.change), options: choices))
        \(Form.text("newLabel", "Nieuwe omschrijving", form(.change), need: .filter, hint: "Leeg laten om de omschrijving te houden."))
        \(Form.select("newRequiresText", "Toelichting verplicht", form(.change), options: [("ja", "Ja"), ("nee", "Nee")], need: .filter, blank: "Niet wijzigen"))
        \(Form.select("status", "Status", form(.change), options: statuses, need: .filter, blank: "Niet wijzigen"))
        <button type="submit">Wijzigen</button></form></section>
        """)
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let v = req.formValues(["code", "label", "requiresText"])
        do {
            _ = try await AdminPages.service(req).createReason(OutsideReasonInput(code: v["code"], label: v["label"], requiresText: v["requiresText"] == "on"))
            req.flash("De reden is toegevoegd.")
            return req.redirect(to: SiteURL.adminReasons.path)
        } catch StoreError.invalid(let failure) {
            return try await render(req, failed: .add, FormState(values: v, errors: failure.errors))
        }
    }

    @Sendable static func change(req: Request) async throws -> Response {
        let v = req.formValues(["reason", "newLabel", "newRequiresText", "status"])
        let admin = try AdminPages.service(req)
        let label = v["newLabel"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let change = OutsideReasonChange(label: label, requiresText: v["newRequiresText"].flatMap { ["ja": true, "nee": false][$0] },
                                         retired: v["status"].flatMap { ["in-gebruik": false, "niet-in-gebruik": true][$0] })
        guard let code = v["reason"], !code.isEmpty else {
            return try await render(req, failed: .change, FormState(values: v, errors: [FieldError("reason", "Kies een reden.")]))
        }
        do {
            _ = try await admin.changeReason(code: code, change)
            req.flash("De reden is gewijzigd.")
            return req.redirect(to: SiteURL.adminReasons.path)
        } catch StoreError.invalid(let failure) {
            let errors = failure.errors.map { FieldError($0.field == "label" ? "newLabel" : $0.field, $0.message) }
            return try await render(req, failed: .change, FormState(values: v, errors: errors))
        } catch StoreError.notFound {
            return try await render(req, failed: .change, FormState(values: v, errors: [FieldError("reason", "Deze reden is onbekend.")]))
        }
    }
}
