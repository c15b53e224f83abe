import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// What a partner professional does through the API: the organisation's inbox, and reports on its
/// own part of a request (accept or decline a direct route, the actual start and end of care).
/// A referral's result goes through `PATCH /requests/{id}/referrals/{referral}`, as the coach's
/// status change does.
enum PartnerAPI {
    static func register(_ api: APIRoutes) {
        api.on(.GET, .inbox, use: inbox)
        api.on(.GET, .inboxReported, use: reported)
        api.on(.POST, .requestDirectResponse, use: respond)
        api.on(.PATCH, .requestAssignment, use: reportCare)
    }

    @Sendable static func inbox(req: Request) async throws -> PageDTO<InboxItemDTO> {
        let actor = try req.actor()
        let page = try await req.requestService().inbox(try req.paging())
        return PageDTO(items: try page.items.map { try InboxItemDTO($0, for: actor) }, page: page.page, perPage: page.perPage,
                       total: page.total, totalIsExact: page.totalIsExact)
    }

    @Sendable static func reported(req: Request) async throws -> PageDTO<ReportedDTO> {
        let page = try await req.requestService().reported(try req.paging())
        return PageDTO(items: page.items.map(ReportedDTO.init), page: page.page, perPage: page.perPage, total: page.total,
                       totalIsExact: page.totalIsExact)
    }

    @Sendable static func respond(req: Request) async throws -> Response {
        let input = try req.content.decode(DirectResponseInput.self)
        let response = try await req.requestService().respond(try req.id(), input)
        return try await DirectResponseDTO(response).encodeResponse(status: .created, for: req)
    }

    @Sendable static func reportCare(req: Request) async throws -> AssignmentDTO {
        let input = try req.content.decode(CareReportInput.self)
        return try AssignmentDTO(try await req.requestService().reportCare(try req.id(), assignment: try req.id("assignment"), input))
    }
}

struct InboxItemDTO: Content {
    let kind: String
    let label: String
    let request: RequestDTO
    /// The assignment or referral it is about; the request's own id for a direct route.
    let recordId: UUID
    let since: String

    init(_ item: InboxItem, for actor: Actor) throws {
        kind = item.kind.rawValue
        label = item.kind.label
        request = try RequestDTO(item.request, for: actor)
        recordId = item.recordID
        since = item.since.description
    }
}

/// A step the organisation reported; the detail names choices and dates, never the resident.
struct ReportedDTO: Content {
    let requestId: UUID
    let at: Date
    let kind: String
    let label: String
    let detail: String
    let actorName: String?

    init(_ event: CaseEvent) {
        requestId = event.$request.id
        at = event.at
        kind = event.kind
        label = CaseEventKind(rawValue: event.kind)?.label ?? event.kind
        detail = event.detail
        actorName = event.$actor.value?.displayName
    }
}
