import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// `/`: where each role starts; for the coach and the chair, what awaits them.
enum HomePage {
    /// A new request starts with the resident: found, or registered first.
    static let newRequestButton: Markup = """
        <p><a class="button" href="\(SiteURL.residents.path)">Nieuw verzoek</a> \
        <span class="hint">Je zoekt eerst de inwoner op, of registreert die.</span></p>
        """

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        var blocks: [Markup] = []
        if user.role == .coach {
            blocks.append(newRequestButton)
            blocks.append(try await coachWork(req))
        } else if CasePolicy.seesCases(user.role) {
            blocks.append(try await caseWork(req, user.role))
        }
        if user.role == .admin {
            blocks.append("<p><a href=\"\(SiteURL.admin.path)\">Gebieden, netwerken, organisaties en producten beheren</a></p>")
        }
        if user.role == .analyst || user.role == .council {
            blocks.append("<p>Als \(user.role.label.lowercased()) zie je alleen cijfers, nooit gegevens van inwoners.</p>")
        }
        if CasePolicy.seesFigures(user.role) {
            blocks.append("<p><a class=\"button\" href=\"\(SiteURL.dashboard.path)\">Cijfers wijknetwerken (K1–K10)</a></p>")
        }
        return Layout.page("Start", req, """
        <h1>Welkom, \(user.displayName)</h1>
        <p>Je bent ingelogd als \(user.role.label.lowercased()).</p>
        \(blocks)
        """)
    }

    /// The coach's work list: each line a count that links to the list behind it. Counts show no
    /// personal data, so opening the home page is not an entry in the audit log.
    static func coachWork(_ req: Request) async throws -> Markup {
        let service = try req.requestService()
        var lines: [Markup] = []
        for (filter, query, text) in [
            (RequestFilter(status: .registered), "status=registered", "Wachten op een route"),
            (RequestFilter(declined: true), "declined=true", "Waarvan afgewezen door een partner"),
            (RequestFilter(status: .inMeeting), "status=inMeeting", "Op de agenda van het overleg"),
            (RequestFilter(status: .decided), "status=decided", "Besloten, nog zonder toewijzing of toeleiding"),
            (RequestFilter(openReferral: true), "openReferral=true", "Toeleiding naar welzijn nog zonder uitkomst"),
        ] {
            let count = try await service.count(filter)
            lines.append(workLine("\(SiteURL.requests.path)?\(query)", text, count: count.total, exact: count.exact))
        }
        let due = try await req.effectService().dueFollowUpCount()
        lines.append(workLine(SiteURL.effectsDue.path, "Vervolgmeting nodig", count: due, exact: true))
        return """
        <section aria-labelledby="werk-title"><h2 id="werk-title">Wat op je wacht</h2>
        <ul class="work-list">\(lines)</ul>\(try await nextMeeting(req))</section>
        """
    }

    /// The chair's and partner's start: the requests on the agenda and the next meeting; for the
    /// partner first what waits for their organisation.
    static func caseWork(_ req: Request, _ role: Role) async throws -> Markup {
        let service = try req.requestService()
        let count = try await service.count(RequestFilter(status: .inMeeting))
        var lines: [Markup] = []
        if role == .partner, try req.actor().organisationID != nil {
            let waiting = try await service.inboxCount()
            lines.append(workLine(SiteURL.inbox.path, "Postvak: wacht op jullie organisatie", count: waiting.total, exact: waiting.exact))
        }
        lines.append(workLine("\(SiteURL.requests.path)?status=inMeeting", "Op de agenda van het overleg", count: count.total, exact: count.exact))
        return """
        <section aria-labelledby="werk-title"><h2 id="werk-title">Wat op je wacht</h2>
        <ul class="work-list">\(lines)</ul>
        \(try await nextMeeting(req))</section>
        """
    }

    static func workLine(_ href: String, _ text: String, count: Int, exact: Bool) -> Markup {
        let number = exact ? count.formattedDutch : "meer dan \(count.formattedDutch)"
        return "<li><a href=\"\(href)\">\(text)</a> <span class=\"count\(Markup(raw: count > 0 ? " has-work" : ""))\">\(number)</span></li>"
    }

    static func nextMeeting(_ req: Request) async throws -> Markup {
        let meetings: [(meeting: WijknetStore.Meeting, items: Int, open: Int)]
        do {
            meetings = try await req.meetingService().meetings()
        } catch StoreError.forbidden {
            // An account not (yet) placed in an area or organisation has no meetings; the home page still opens.
            return .empty
        }
        guard let next = MeetingsPage.next(of: meetings), let date = CalendarDate(next.meeting.date) else { return "<p>Er is nog geen volgend overleg gepland.</p>" }
        let items = next.items == 1 ? "1 agendapunt" : "\(next.items) agendapunten"
        return "<p>Volgend overleg: <a href=\"\(SiteURL.meeting(next.meeting.id!).path)\">\(date.dutchWithWeekday)</a>, \(items).</p>"
    }
}
