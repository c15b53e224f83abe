import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// `/api/v1/requests`: the case flow of support requests.
enum RequestsAPI {
    static func register(_ api: APIRoutes) {
        api.on(.GET, .requests, use: list)
        api.on(.POST, .requests, use: create)
        api.on(.GET, .request, use: show)
        api.on(.PATCH, .request, use: update)
        api.on(.POST, .requestRoute, use: route)
        api.on(.POST, .requestDecision, use: decide)
        api.on(.POST, .requestAssignments, use: addAssignment)
        api.on(.POST, .requestReferrals, use: addReferral)
        api.on(.PATCH, .requestReferral, use: updateReferral)
        api.on(.POST, .requestClose, use: close)
    }

    @Sendable static func list(req: Request) async throws -> PageDTO<RequestDTO> {
        let query = try req.query.decode(RequestListQuery.self)
        let filter = try query.filter()
        let actor = try req.actor()
        let page = try await req.requestService().list(filter, try req.paging())
        return PageDTO(items: try page.items.map { try RequestDTO($0, for: actor) }, page: page.page, perPage: page.perPage, total: page.total,
                       totalIsExact: page.totalIsExact)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let input = try req.content.decode(RequestInput.self)
        let request = try await req.requestService().register(input)
        return try await RequestDTO(request, for: try req.actor()).encodeResponse(status: .created, for: req)
    }

    @Sendable static func show(req: Request) async throws -> CaseFileDTO {
        try CaseFileDTO(try await req.requestService().caseFile(try req.id()), vault: req.application.vault, for: try req.actor())
    }

    @Sendable static func update(req: Request) async throws -> RequestDTO {
        let input = try req.content.decode(RequestUpdateInput.self)
        return try RequestDTO(try await req.requestService().update(try req.id(), input), for: try req.actor())
    }

    @Sendable static func route(req: Request) async throws -> RequestDTO {
        let input = try req.content.decode(RouteBody.self)
        return try RequestDTO(try await req.requestService().route(try req.id(), input.route, expectedVersion: input.version), for: try req.actor())
    }

    @Sendable static func decide(req: Request) async throws -> Response {
        let input = try req.content.decode(DecisionInput.self)
        let outcomes = try await req.requestService().decide(try req.id(), input)
        return try await outcomes.map(OutcomeDTO.init).encodeResponse(status: .created, for: req)
    }

    @Sendable static func addAssignment(req: Request) async throws -> Response {
        let input = try req.content.decode(VersionedBody<AssignmentInput>.self)
        let assignment = try await req.requestService().addAssignment(try req.id(), input.value, expectedVersion: input.version)
        return try await AssignmentDTO(assignment).encodeResponse(status: .created, for: req)
    }

    @Sendable static func addReferral(req: Request) async throws -> Response {
        let input = try req.content.decode(VersionedBody<ReferralInput>.self)
        let referral = try await req.requestService().addReferral(try req.id(), input.value, expectedVersion: input.version)
        return try await ReferralDTO(referral).encodeResponse(status: .created, for: req)
    }

    @Sendable static func updateReferral(req: Request) async throws -> ReferralDTO {
        let body = try req.content.decode(ReferralStatusBody.self)
        return try ReferralDTO(try await req.requestService().updateReferral(try req.id(), referral: try req.id("referral"), status: body.status))
    }

    @Sendable static func close(req: Request) async throws -> RequestDTO {
        let version = req.body.data == nil ? nil : try req.content.decode(VersionOnly.self).version
        return try RequestDTO(try await req.requestService().close(try req.id(), expectedVersion: version), for: try req.actor())
    }
}

struct RouteBody: Content {
    var route: RouteInput
    var version: Int?

    init(from decoder: any Decoder) throws {
        route = try RouteInput(from: decoder)
        version = try decoder.container(keyedBy: VersionKey.self).decodeIfPresent(Int.self, forKey: .version)
    }
}

/// A body that is an input plus an optional `version`, for concurrency checks.
struct VersionedBody<Value: Codable & Sendable>: Content {
    var value: Value
    var version: Int?

    init(from decoder: any Decoder) throws {
        value = try Value(from: decoder)
        version = try decoder.container(keyedBy: VersionKey.self).decodeIfPresent(Int.self, forKey: .version)
    }

    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

extension RouteBody {
    func encode(to encoder: any Encoder) throws { try route.encode(to: encoder) }
}

enum VersionKey: String, CodingKey { case version }

struct VersionOnly: Content {
    var version: Int?
}

struct ReferralStatusBody: Content {
    var status: String?
}

extension Request {
    /// A path parameter that must be a UUID; anything else is "not found".
    func id(_ name: String = "id") throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else {
            throw Abort(.notFound, reason: "Niet gevonden.")
        }
        return id
    }
}
