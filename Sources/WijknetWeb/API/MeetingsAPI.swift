import Vapor
import WijknetCore
import WijknetStore

/// `/api/v1/meetings`: the weekly wijknetwerkoverleg and its agenda.
enum MeetingsAPI {
    static func register(_ api: APIRoutes) {
        api.on(.GET, .meetings, use: list)
        api.on(.POST, .meetings, use: plan)
        api.on(.GET, .meeting, use: agenda)
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

extension AgendaView {
    func dto() throws -> AgendaDTO {
        let entries = try entries()
        return AgendaDTO(meeting: MeetingDTO(id: try meeting.requireID(), networkId: meeting.$network.id, date: meeting.date,
                                             items: entries.count, openItems: entries.filter { !$0.decided }.count),
                         networkName: network.name, items: entries)
    }
}
