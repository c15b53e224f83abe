import Vapor
import WijknetCore
import WijknetStore

/// `/overleggen`: the network's weekly meetings and each agenda.
enum MeetingsPage {
    @Sendable static func list(req: Request) async throws -> Response {
        let meetings = try await req.meetingService().meetings()
        let rows = meetings.map { m -> Markup in
            "<tr><td><a href=\"\(SiteURL.meeting(m.meeting.id!).path)\">\(CalendarDate(m.meeting.date)?.dutch ?? m.meeting.date)</a></td><td>\(m.items)</td><td>\(m.open)</td></tr>"
        }
        return Layout.page("Wijknetwerkoverleggen", req, """
        <h1>Wijknetwerkoverleggen</h1>
        \(rows.isEmpty ? "<p>Er zijn nog geen overleggen gepland. Een overleg wordt gepland zodra een verzoek naar het overleg gaat.</p>" as Markup
            : Table.make(.hidden("Overleggen"), columns: ["Datum", "Agendapunten", "Nog te bespreken"], rows: rows))
        """)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let view = try await AgendaView.load(req, id: try req.id())
        let entries = try view.entries()
        // Partners see the agenda the meeting discusses; a case file only when their organisation is involved.
        let opensCases = try req.actor().role != .partner
        let rows = entries.map { e -> Markup in
            let who: Markup = e.residentName.map { "\($0)" } ?? "<em>Zonder naam</em> (\(e.ageBand))"
            return """
            <tr><td>\(who)</td><td>\(e.districtName)</td><td>\(e.law.label)</td><td>\(e.urgency.label)</td>
            <td>\(e.lifeDomains.map(\.label).joined(separator: ", "))</td><td>\(e.decided ? "Besproken" : "Open")</td>
            <td>\(opensCases ? "<a href=\"\(SiteURL.request(e.requestId).path)#besluit\">\(e.decided ? "Bekijken" : "Besluit vastleggen")</a>" as Markup : .empty)</td></tr>
            """
        }
        let date = CalendarDate(view.meeting.date)?.dutch ?? view.meeting.date
        return Layout.page("Overleg \(date)", req, """
        <h1>Wijknetwerkoverleg \(view.network.name), \(date)</h1>
        <p>Agenda: de oudste verzoeken eerst. Zonder toestemming van de inwoner staat het verzoek er zonder naam.</p>
        \(rows.isEmpty ? "<p>Nog geen agendapunten.</p>" as Markup : Table.make(.hidden("Agenda"), columns: ["Inwoner", "Wijk", "Wet", "Urgentie", "Leefgebieden", "Status", Table.hiddenColumn("Actie")], rows: rows))
        """)
    }
}
