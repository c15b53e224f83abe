import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// `/verzoeken/:id`: the whole story of one request, and the next steps as forms.
enum CasePage {
    /// Which form is shown with the user's input and errors after a failed submit.
    struct Forms {
        var route = FormState()
        var decision = FormState()
        var assignment = FormState()
        var referral = FormState()
        var close = FormState()
        var response = FormState()
        var care = FormState()
        var message: String?

        var hasErrors: Bool { [route, decision, assignment, referral, close, response, care].contains { !$0.errors.isEmpty } }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await render(req, id: try req.id(), forms: Forms())
    }

    static func render(_ req: Request, id: UUID, forms: Forms, status: HTTPResponseStatus = .ok) async throws -> Response {
        let service = try req.requestService()
        let file = try await service.caseFile(id)
        let user = try req.requireUser()
        let r = file.request
        let organisations = try await Catalogue.organisations(on: req.db)
        let names = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id!, $0.name) })
        let reasons = Dictionary(try await Catalogue.reasons(on: req.db).map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a })
        func reason(_ code: String?, _ text: String?) -> String {
            guard let code else { return OutsideReasonOption.notRecordedLabel }
            let label = reasons[code] ?? code
            return text.map { "\(label): \($0)" } ?? label
        }
        let canWrite = user.role == .coach
        let events = Set(RequestLifecycle.events(from: r.status))

        // Each next step is a form in a <details>; the step that usually comes next, or the one
        // with errors, is open.
        func open(_ state: FormState, primary: Bool) -> Bool { !state.errors.isEmpty || (primary && !forms.hasErrors) }
        var actions: [Markup] = []
        let memberships = try await Membership.query(on: req.db).all().map(\.period)
        if canWrite && (events.contains(.routeDirect) || events.contains(.routeToMeeting)) {
            actions.append(CaseForms.route(req, file, forms.route, organisations: organisations, memberships: memberships,
                                           directAllowed: events.contains(.routeDirect),
                                           open: open(forms.route, primary: r.status == .registered)))
        }
        // A meeting's decision can be recorded once the meeting has been held.
        let upcoming = file.agendaItems.first { $0.decidedAt == nil }.flatMap { CalendarDate($0.meeting.date) }.flatMap { $0 > .today() ? $0 : nil }
        if events.contains(.decide) && (canWrite || (user.role == .chair && r.status == .inMeeting)), let upcoming {
            actions.append("<p class=\"step\">Het verzoek staat op de agenda van het overleg van \(upcoming.dutch); het besluit leg je vast op of na die dag.</p>")
        } else if events.contains(.decide) && (canWrite || (user.role == .chair && r.status == .inMeeting)) {
            actions.append(try await CaseForms.decision(req, file, forms.decision, organisations: organisations, memberships: memberships,
                                                        open: open(forms.decision, primary: r.status == .inMeeting || r.status == .routed)))
        }
        if canWrite && events.contains(.startSupport) {
            let care = file.outcomes.contains { $0.kind == .indicatedCare }
            actions.append(try await CaseForms.assignment(req, file, forms.assignment, organisations: organisations, memberships: memberships,
                                                          open: open(forms.assignment, primary: r.status == .decided && care)))
            actions.append(CaseForms.referral(req, file, forms.referral, organisations: organisations, memberships: memberships,
                                              open: open(forms.referral, primary: r.status == .decided && !care)))
        }
        // The partner professional reports on their organisation's own part only.
        let organisation = user.role == .partner ? user.$organisation.id : nil
        if let organisation {
            let accepted = file.directResponses.contains { $0.$organisation.id == organisation && $0.accepted }
            if r.status == .routed && file.directPartner?.id == organisation && !accepted {
                actions.append(PartnerForms.response(req, file, forms.response, open: true))
            }
            let own = file.assignments.filter { $0.$provider.id == organisation }
            if !own.isEmpty {
                let waiting = own.contains { $0.careStartedOn == nil || $0.careEndedOn == nil }
                actions.append(PartnerForms.care(req, file, assignments: own, forms.care, open: open(forms.care, primary: waiting)))
            }
        }
        // Closing is never the next step: it sits apart, below the steps, and asks to confirm.
        let closing: Markup = canWrite && events.contains(.close)
            ? "<section aria-labelledby=\"afsluiten-title\">\(CaseForms.close(req, file, forms.close, open: open(forms.close, primary: false)))</section>" : .empty

        let outcomeRows = file.outcomes.map { o -> Markup in
            let place: String = o.insideNetwork.map { $0 ? "Binnen netwerk" : "Buiten netwerk" } ?? "–"
            return Table.row(["\(o.kind.label)", "\(o.$organisation.id.flatMap { names[$0] } ?? "–")", "\(o.activity ?? "–")", "\(place)",
                              "\(o.insideNetwork == false ? reason(o.outsideReason, o.outsideReasonText) : "–")"])
        }
        let assignmentRows = file.assignments.map { a -> Markup in
            """
            <tr><td>\(a.kind.label)</td><td>\(a.law.label)</td><td>\(a.product.name) (\(a.product.categoryCode))</td><td>\(a.provider.name)</td>
            <td>\(hours(a.hoursPerWeek))</td><td>\(CalendarDate(a.start)?.dutch ?? a.start) – \(a.end.flatMap(CalendarDate.init)?.dutch ?? "")</td>
            <td>\(actualCare(a))</td>
            <td>\(a.insideNetwork ? "Binnen netwerk" : "Buiten netwerk")</td><td>\(!a.insideNetwork && a.kind == .first ? reason(a.outsideReason, a.outsideReasonText) : "–")</td></tr>
            """
        }
        let referralRows = file.referrals.map { f -> Markup in
            let update: Markup = organisation != nil && f.$partner.id == organisation && r.status.isOpen
                ? PartnerForms.referralResult(req, file, f)
                : canWrite && r.status.isOpen ? """
                <form method="post" action="\(SiteURL.referralStatus(id, f.id!).path)" class="inline">\(Form.csrf(req))
                <label for="status-\(f.id!.uuidString)" class="visually-hidden">Nieuwe status</label>
                <select id="status-\(f.id!.uuidString)" name="status">\(ReferralStatus.allCases.map { s -> Markup in "<option value=\"\(s.rawValue)\"\(Markup(raw: s == f.status ? " selected" : ""))>\(s.label)</option>" })</select>
                <button type="submit">Status opslaan</button></form>
                """ : .empty
            return "<tr><td>\(f.partner.name)</td><td>\(f.activity)</td><td>\(CalendarDate(f.date)?.dutch ?? f.date)</td><td>\(f.status.label)</td><td>\(update)</td></tr>"
        }
        let timeline = file.events.map { e -> Markup in
            let label = CaseEventKind(rawValue: e.kind)?.label ?? e.kind
            let detail: Markup = e.detail.isEmpty ? .empty : ": \(e.detail)"
            return """
                <li><time datetime="\(describing: e.at.ISO8601Format())">\(dutchDateTime(e.at))</time> – <strong>\(label)</strong>\(detail) \
                <span class="who">(\(e.actor.displayName))</span></li>
                """
        }
        let meetings = file.agendaItems.map { item -> Markup in
            let date = item.meeting.date
            return "<li>Overleg van \(CalendarDate(date)?.dutch ?? date): \(item.decidedAt == nil ? "nog niet besproken" : "besproken")\(item.decisionNote.map { n -> Markup in " – \(n)" } ?? .empty)</li>"
        }
        let flash: String? = forms.message
        // The chair goes through the agenda item by item: the next open one is one click away.
        var nextItem: Markup = .empty
        if CasePolicy.plansMeetings(user.role), let meetingID = file.agendaItems.max(by: { $0.meeting.date < $1.meeting.date })?.meeting.id,
           let next = try await req.meetingService().nextOpenItem(after: id, in: meetingID) {
            nextItem = "<p class=\"next-item\"><a href=\"\(SiteURL.request(next).path)\">Volgend agendapunt van dit overleg</a></p>"
        }
        let who = ResidentIdentity(r, resident: file.resident, district: file.district, for: try req.actor()).display
        let response = Layout.page("Verzoek van \(who)", req, flash: flash, """
        <h1>Verzoek van \(who)</h1>
        \(nextItem)
        <p class="status">Status: <strong>\(r.status.label)</strong></p>
        <dl class="facts">
        <dt>Keukentafelgesprek</dt><dd>\(CalendarDate(r.intakeDate)?.dutch ?? r.intakeDate)</dd>
        <dt>Wet</dt><dd>\(r.law.label)</dd>
        <dt>Urgentie</dt><dd>\(r.urgency.label)</dd>
        <dt>Wijk</dt><dd>\(file.district.name)</dd>
        <dt>Netwerk</dt><dd>\(file.network?.name ?? "Geen wijknetwerk")</dd>
        <dt>Wijkcoach</dt><dd>\(file.coach.displayName)</dd>
        <dt>Route</dt><dd>\(r.route?.label ?? "Nog niet gekozen")\(file.directPartner.map { p -> Markup in " – \(p.name)" } ?? .empty)\(directState(file))</dd>
        <dt>Toestemming overleg</dt><dd>\(r.consentForMeeting ? "Ja" : "Nee (besproken zonder naam)")</dd>
        <dt>Leefgebieden</dt><dd>\(r.lifeDomains.map(\.label).joined(separator: ", "))</dd>
        </dl>
        <h2>Wat speelt er?</h2>
        <p class="summary">\(r.summary)</p>
        \(canWrite && r.status.isOpen ? "<p><a href=\"\(SiteURL.requestEdit(id).path)\">Verzoek wijzigen</a></p>" as Markup : .empty)
        \(canWrite && !file.resident.isAnonymised ? residentRights(file.resident.id!, request: file.request.id!) : .empty)
        \(declines(file))
        \(meetings.isEmpty ? Markup.empty : "<h2>Wijknetwerkoverleg</h2><ul>\(meetings)</ul>")
        \(actions.isEmpty ? Markup.empty : "<section aria-labelledby=\"steps-title\"><h2 id=\"steps-title\">Volgende stap</h2>\(actions)</section>")
        \(closing)
        <h2>Uitkomsten</h2>
        \(outcomeRows.isEmpty ? "<p>Nog geen besluit.</p>" as Markup : Table.make(.hidden("Uitkomsten"), columns: ["Uitkomst", "Wie pakt op", "Activiteit", "Plaats", "Reden buiten netwerk"], rows: outcomeRows))
        <h2>Toewijzingen</h2>
        \(assignmentRows.isEmpty ? "<p>Nog geen toewijzingen.</p>" as Markup
            : Table.make(.hidden("Toewijzingen"), columns: ["Soort", "Wet", "Product", "Aanbieder", "Uren per week", "Periode", "Werkelijke zorg", "Plaats", "Reden buiten netwerk"],
                         rows: assignmentRows))
        <h2 id="toeleidingen">Toeleidingen naar welzijn</h2>
        \(referralRows.isEmpty ? "<p>Nog geen toeleidingen.</p>" as Markup : Table.make(.hidden("Toeleidingen"), columns: ["Partner", "Activiteit", "Datum", "Status", Table.hiddenColumn("Wijzigen")], rows: referralRows))
        <h2>Tijdlijn</h2>
        <ol class="timeline">\(timeline)</ol>
        """)
        response.status = status
        return response
    }

    /// What the provider reported of the actual care: "vanaf 02-11-2026", "02-11-2026 – 20-12-2026".
    static func actualCare(_ a: Assignment) -> String {
        switch (a.careStartedOn.flatMap(CalendarDate.init), a.careEndedOn.flatMap(CalendarDate.init)) {
        case (let start?, let end?): "\(start.dutch) – \(end.dutch)"
        case (let start?, nil): "vanaf \(start.dutch)"
        default: "Nog niet gemeld"
        }
    }

    /// Whether the partner of the direct route has accepted it yet.
    static func directState(_ file: CaseFile) -> Markup {
        guard file.request.route == .direct, let partner = file.directPartner?.id else { return .empty }
        if let accepted = file.directResponses.first(where: { $0.$organisation.id == partner && $0.accepted }) {
            return " (geaccepteerd op \(CalendarDate(accepted.respondedOn)?.dutch ?? accepted.respondedOn))"
        }
        return " (wacht op reactie van de partner)"
    }

    /// Partners that declined a direct route, with their reason, for the coach choosing anew.
    static func declines(_ file: CaseFile) -> Markup {
        let declined = file.directResponses.filter { !$0.accepted }
        guard !declined.isEmpty else { return .empty }
        let items = declined.map { d -> Markup in
            let reason = [d.reason?.label, d.reasonText].compactMap { $0 }.joined(separator: ": ")
            return "<li>\(CalendarDate(d.respondedOn)?.dutch ?? d.respondedOn): \(d.organisation.name) wees het verzoek af – \(reason)</li>"
        }
        return "<h2>Afgewezen via de directe route</h2><ul>\(items)</ul>"
    }

    static func hours(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text.replacingOccurrences(of: ".", with: ",")
    }

    /// Dutch local time: `09-11-2026 14:05`.
    static func dutchDateTime(_ date: Date) -> String {
        let c = Calendar.amsterdam.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d-%02d-%04d %02d:%02d", c.day!, c.month!, c.year!, c.hour!, c.minute!)
    }

    /// With seconds, where the order of events matters (the audit log): `09-11-2026 14:05:07`.
    static func dutchDateTimeWithSeconds(_ date: Date) -> String {
        dutchDateTime(date) + String(format: ":%02d", Calendar.amsterdam.component(.second, from: date))
    }

    /// The resident's page and rights, for the coach: access, correction, erasure.
    static func residentRights(_ id: UUID, request: UUID) -> Markup {
        """
        <p><a href="\(SiteURL.resident(id).path)">De inwoner en al diens verzoeken</a> ·
        <a href="\(SiteURL.requestEffects(request).path)">Effectmeting: vragenlijst inwoner</a> ·
        <a href="\(SiteURL.residentZRM(id).path)">Zelfredzaamheid (ZRM)</a></p>
        <p>Rechten van de inwoner: <a href="\(SiteURL.residentExport(id).path)">inzage-export</a>,
        <a href="\(SiteURL.residentEdit(id).path)">gegevens corrigeren</a>, <a href="\(SiteURL.residentErase(id).path)">gegevens wissen</a>.</p>
        """
    }
}
