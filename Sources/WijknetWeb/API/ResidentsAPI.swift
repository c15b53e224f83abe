import Vapor
import WijknetCore
import WijknetStore

/// `/api/v1/residents`: registering and finding residents (coaches only).
enum ResidentsAPI {
    static func register(_ api: any RoutesBuilder) {
        let residents = api.grouped("residents")
        residents.get(use: search)
        residents.post(use: create)
        residents.get(":id", use: show)
    }

    @Sendable static func search(req: Request) async throws -> [ResidentDTO] {
        let q = (try? req.query.get(String.self, at: "q")) ?? ""
        return try await req.residentService().search(q).map(ResidentDTO.init)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let input = try req.content.decode(ResidentInput.self)
        let resident = try await req.residentService().register(input)
        return try await ResidentDTO(resident).encodeResponse(status: .created, for: req)
    }

    @Sendable static func show(req: Request) async throws -> ResidentDTO {
        try ResidentDTO(try await req.residentService().find(try req.id()))
    }
}
