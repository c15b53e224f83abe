import Vapor
import WijknetCore
import WijknetStore

/// `/api/v1/meetings`: the weekly wijknetwerkoverleg and its agenda.
enum MeetingsAPI {
    static func register(_ api: any RoutesBuilder) {
        let meetings = api.grouped("meetings")
        meetings.get(use: list)
        meetings.post(use: plan)
        meetings.get(":id", use: agenda)
    }

    @Sendable static func list(req: Request) async throws -> [MeetingDTO] {
        try await req.meetingService().meetings().map {
            MeetingDTO(id: try $0.meeting.requireID(), networkId: $0.meeting.$network.id, date: $0.meeting.date, items: $0.items, openItems: $0.open)
        }
    }

    struct PlanBody: Content {
        var networkId: String?
        var from: String?
    }

    @Sendable static func plan(req: Request) async throws -> Response {
        let service = try req.meetingService()
        try service.requirePlanner()
        let body = try req.content.decode(PlanBody.self)
        var check = Checker()
        let network = check.id(body.networkId, "networkId", label: "Netwerk")
        let from = check.optionalDate(body.from, "from", label: "Vanaf")
        try check.finish()
        let meeting = try await service.plan(network: network!, from: from ?? .today())
        return try await MeetingDTO(id: try meeting.requireID(), networkId: meeting.$network.id, date: meeting.date, items: 0, openItems: 0)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable static func agenda(req: Request) async throws -> AgendaDTO {
        try await AgendaView.load(req, id: try req.id()).dto()
    }
}

/// The agenda as both the API and the page show it, pseudonymised where consent is missing.
struct AgendaView {
    let meeting: WijknetStore.Meeting
    let network: WijknetStore.Network
    let items: [AgendaItem]
    let today: CalendarDate

    static func load(_ req: Request, id: UUID) async throws -> AgendaView {
        let agenda = try await req.meetingService().agenda(id)
        return AgendaView(meeting: agenda.meeting, network: agenda.network, items: agenda.items, today: .today())
    }

    func entries() throws -> [AgendaItemDTO] {
        try items.map { item in
            let request = item.request
            let birth = CalendarDate(request.resident.birthDate) ?? today
            return AgendaItemDTO(id: try item.requireID(), requestId: try request.requireID(),
                                 residentName: request.consentForMeeting ? request.resident.fullName : nil,
                                 ageBand: AgeBand.of(birthDate: birth, on: today), districtName: request.district.name,
                                 law: request.law, urgency: request.urgency, lifeDomains: request.lifeDomains,
                                 status: request.status, version: request.version, decided: item.decidedAt != nil)
        }
    }

    func dto() throws -> AgendaDTO {
        let entries = try entries()
        return AgendaDTO(meeting: MeetingDTO(id: try meeting.requireID(), networkId: meeting.$network.id, date: meeting.date,
                                             items: entries.count, openItems: entries.filter { !$0.decided }.count),
                         networkName: network.name, items: entries)
    }
}
