import Vapor
import WijknetCore
import WijknetStore

/// The partner professional's forms on the case page: their organisation's own part only.
enum PartnerForms {
    /// Accept or decline a request routed directly to the organisation.
    static func response(_ req: Request, _ file: CaseFile, _ state: FormState, open: Bool) -> Markup {
        let id = file.request.id!
        return """
        <details id="reactie" class="step"\(Markup(raw: open ? " open" : ""))><summary><h3 id="reactie-title">Verzoek via de directe route</h3></summary>
        <p>De wijkcoach vraagt jullie organisatie dit verzoek op te pakken. Bij afwijzen gaat het terug naar de wijkcoach, met de reden.</p>
        \(Form.errorSummary(state))
        <form method="post" action="\(SiteURL.requestDirectResponse(id).path)" novalidate>\(Form.csrf(req))
        \(Form.radios("accepted", "Pakken jullie dit verzoek op?", state, options: [("true", "Ja, we accepteren het"), ("false", "Nee, we wijzen het af")]))
        \(Form.select("reason", "Reden van afwijzen", state, options: DeclineReason.allCases.map { ($0.rawValue, $0.label) },
                      need: .when("Verplicht bij afwijzen.")))
        \(Form.text("reasonText", "Toelichting", state, need: .when("Verplicht bij ‘\(DeclineReason.other.label)’."),
                    hint: "Geen medische details: de wijkcoach leest dit in het dossier."))
        <button type="submit">Reactie versturen</button></form></details>
        """
    }

    /// The actual start and end of care, for one of the organisation's assignments.
    static func care(_ req: Request, _ file: CaseFile, assignments: [Assignment], _ state: FormState, open: Bool) -> Markup {
        let id = file.request.id!
        var values = state
        if assignments.count == 1 {
            values.values["assignment"] = assignments[0].id!.uuidString
            // One assignment: show what was reported, so a correction starts from it.
            if state.errors.isEmpty {
                values.values["careStartedOn"] = assignments[0].careStartedOn ?? ""
                values.values["careEndedOn"] = assignments[0].careEndedOn ?? ""
            }
        }
        let options = assignments.map { a in
            (a.id!.uuidString, "\(a.product.name), gepland vanaf \(CalendarDate(a.start)?.dutch ?? a.start)")
        }
        return """
        <details id="zorg" class="step"\(Markup(raw: open ? " open" : ""))><summary><h3 id="zorg-title">Start of einde van de zorg melden</h3></summary>
        <p>De werkelijke dagen; de geplande dagen van de toewijzing blijven staan. De start telt mee in het cijfer ‘dagen tot start ondersteuning’ (K8).</p>
        \(Form.errorSummary(values))
        <form method="post" action="\(SiteURL.careReport(id).path)" novalidate>\(Form.csrf(req))
        \(assignments.count > 1 ? Form.select("assignment", "Toewijzing", values, options: options) : Form.hidden("assignment", values["assignment"]))
        \(Form.text("careStartedOn", "Start van de zorg", values, type: "date", need: .when("Verplicht voordat je het einde meldt.")))
        \(Form.text("careEndedOn", "Einde van de zorg", values, type: "date", need: .optional))
        <p class="hint">Een leeg veld laat staan wat eerder gemeld is.</p>
        <button type="submit">Melding opslaan</button></form></details>
        """
    }

    /// The result of the organisation's own referral, inline in the referrals table.
    static func referralResult(_ req: Request, _ file: CaseFile, _ referral: Referral) -> Markup {
        let id = referral.id!.uuidString
        let options = ReferralStatus.partnerResults.map { s -> Markup in
            "<option value=\"\(s.rawValue)\"\(Markup(raw: s == referral.status ? " selected" : ""))>\(s.label)</option>"
        }
        return """
        <form method="post" action="\(SiteURL.referralStatus(file.request.id!, referral.id!).path)" class="inline">\(Form.csrf(req))
        <label for="result-\(id)" class="visually-hidden">Resultaat</label>
        <select id="result-\(id)" name="status">\(options)</select>
        <button type="submit">Resultaat melden</button></form>
        """
    }
}
