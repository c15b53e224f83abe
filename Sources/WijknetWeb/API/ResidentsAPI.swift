import Vapor
import WijknetCore
import WijknetStore

/// `/api/v1/residents`: registering and finding residents (coaches only).
enum ResidentsAPI {
    static func register(_ api: any RoutesBuilder) {
        let residents = api.grouped("residents")
        // POST: a BSN is a search term, and a BSN never goes into a URL.
        residents.post("search", use: search)
        residents.post(use: create)
        residents.get(":id", use: show)
        residents.get(":id", "export", use: export)
    }

    struct SearchBody: Content {
        var q: String?
    }

    @Sendable static func search(req: Request) async throws -> [ResidentDTO] {
        let q = try req.content.decode(SearchBody.self).q ?? ""
        return try await req.residentService().search(q).map { try ResidentDTO($0, vault: req.application.vault) }
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let input = try req.content.decode(ResidentInput.self)
        let resident = try await req.residentService().register(input)
        return try await ResidentDTO(resident, vault: req.application.vault).encodeResponse(status: .created, for: req)
    }

    /// Everything about one resident, for their right of access (AVG art. 15).
    @Sendable static func export(req: Request) async throws -> ResidentExportDTO {
        try ResidentExportDTO(try await req.residentService().export(try req.id()), vault: req.application.vault)
    }

    @Sendable static func show(req: Request) async throws -> ResidentDTO {
        try ResidentDTO(try await req.residentService().find(try req.id()), vault: req.application.vault)
    }
}
