import Vapor
import WijknetCore
import WijknetStore

/// `/overleggen`: the network's weekly meetings and each agenda.
enum MeetingsPage {
    /// The next meeting: today's, or else the first one after today.
    static func next(of meetings: [(meeting: WijknetStore.Meeting, items: Int, open: Int)]) -> (meeting: WijknetStore.Meeting, items: Int, open: Int)? {
        let today = CalendarDate.today().description
        return meetings.filter { $0.meeting.date >= today }.min { $0.meeting.date < $1.meeting.date }
    }

    /// Newest first; the next meeting (today or the first one after) is marked.
    @Sendable static func list(req: Request) async throws -> Response {
        let meetings = try await req.meetingService().meetings()
        let next = Self.next(of: meetings)?.meeting.id
        let rows = meetings.map { m -> Markup in
            let date = CalendarDate(m.meeting.date).map(\.dutchWithWeekday) ?? m.meeting.date
            let mark: Markup = m.meeting.id == next ? " <strong class=\"badge\">Volgend overleg</strong>" : .empty
            return Table.row(["<a href=\"\(SiteURL.meeting(m.meeting.id!).path)\">\(date)</a>\(mark)", "\(m.items)", "\(m.open)"])
        }
        return Layout.page("Wijknetwerkoverleggen", req, """
        <h1>Wijknetwerkoverleggen</h1>
        \(rows.isEmpty ? "<p>Er zijn nog geen overleggen gepland. Een overleg wordt gepland zodra een verzoek naar het overleg gaat.</p>" as Markup
            : Table.make(.hidden("Overleggen"), columns: ["Datum", "Agendapunten", "Nog te bespreken"], rows: rows))
        """)
    }

    /// The agenda, oldest request first: per item who (or a pseudonym), since when, how urgent,
    /// and for the network's own people what it is about, so the chair can prepare.
    @Sendable static func show(req: Request) async throws -> Response {
        let view = try await AgendaView.load(req, id: try req.id())
        let entries = try view.entries()
        // Partners see the agenda the meeting discusses; a case file only when their organisation is involved.
        let opensCases = CasePolicy.plansMeetings(try req.actor().role)
        // A decision is recorded once the meeting has been held; before that the item is prepared.
        let held = (CalendarDate(view.meeting.date) ?? .today()) <= .today()
        let rows = zip(entries, view.items).map { e, item -> Markup in
            let who: Markup = e.residentName.map { "\($0)" } ?? "<em>Zonder naam</em> (\(e.ageBand))"
            let urgency: Markup = e.urgency == .high ? "<strong class=\"badge urgent\">\(e.urgency.label)</strong>" : "\(e.urgency.label)"
            let about: Markup = opensCases ? "<p class=\"agenda-summary\">\(String(item.request.summary.prefix(280)))\(item.request.summary.count > 280 ? "…" : "")</p>" : .empty
            let action: Markup = opensCases ? "<a href=\"\(SiteURL.request(e.requestId).path)\">\(e.decided ? "Bekijken" : held ? "Besluit vastleggen" : "Voorbereiden")</a>" : .empty
            return Table.row(["\(who)\(about)", "\(CalendarDate(item.request.intakeDate)?.dutch ?? item.request.intakeDate)", "\(e.districtName)",
                              "\(e.law.label)", urgency, "\(e.lifeDomains.map(\.label).joined(separator: ", "))", "\(e.decided ? "Besproken" : "Open")", action])
        }
        let date = CalendarDate(view.meeting.date).map(\.dutchWithWeekday) ?? view.meeting.date
        let capacity = opensCases ? try await capacitySection(req, meetingID: try view.meeting.requireID()) : .empty
        return Layout.page("Overleg \(date)", req, """
        <h1>Wijknetwerkoverleg \(view.network.name), \(date)</h1>
        <p>Agenda: de oudste verzoeken eerst. Zonder toestemming van de inwoner staat het verzoek er zonder naam.</p>
        \(rows.isEmpty ? "<p>Nog geen agendapunten.</p>" as Markup
            : Table.make(.hidden("Agenda"), columns: ["Inwoner en vraag", "Keukentafelgesprek", "Wijk", "Wet", "Urgentie", "Leefgebieden", "Status", Table.hiddenColumn("Actie")],
                         rows: rows))
        \(capacity)
        """)
    }

    /// What each core partner has agreed against what runs, so the chair sees who has room.
    static func capacitySection(_ req: Request, meetingID: UUID) async throws -> Markup {
        let partners = try await req.meetingService().capacity(meetingID)
        guard !partners.isEmpty else { return .empty }
        let rows = partners.map { partner, use -> Markup in
            let share: Markup = use.share.map { s -> Markup in
                let percent = String(format: "%.0f%%", s * 100)
                return use.isOver ? "<strong class=\"badge urgent\">\(percent), boven de afspraak</strong>" : "\(percent)"
            } ?? "Geen afspraak"
            return Table.row(["\(partner.name)", "\(use.agreedHours.map(CasePage.hours) ?? "–")", "\(CasePage.hours(use.runningHours))", share])
        }
        return """
        <section aria-labelledby="capaciteit"><h2 id="capaciteit">Capaciteit van de netwerkpartners</h2>
        <p>Per netwerkpartner in de kern: de uren per week uit het lidmaatschap, tegen de uren van de toewijzingen binnen dit netwerk die op
        de dag van het overleg lopen.</p>
        \(Table.make(.hidden("Capaciteit"), columns: ["Netwerkpartner", "Afgesproken (uur/week)", "Lopend (uur/week)", "Bezetting"], rows: rows))
        </section>
        """
    }
}
