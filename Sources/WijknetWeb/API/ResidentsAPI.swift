import Vapor
import WijknetCore
import WijknetStore

/// `/api/v1/residents`: registering and finding residents (coaches only).
enum ResidentsAPI {
    static func register(_ api: APIRoutes) {
        // POST: a BSN is a search term, and a BSN never goes into a URL.
        api.on(.POST, .residentSearch, use: search)
        api.on(.POST, .residents, use: create)
        api.on(.GET, .resident, use: show)
        api.on(.PUT, .resident, use: correct)
        api.on(.DELETE, .resident, use: erase)
        api.on(.GET, .residentRetention, use: retention)
        api.on(.GET, .residentExport, use: export)
        api.on(.POST, .residentTransfer, use: transfer)
    }

    /// `q` is required (the service says so after checking the role): a search for nothing is a
    /// mistake of the caller, not an empty list.
    struct SearchBody: Content {
        var q: String?
    }

    @Sendable static func search(req: Request) async throws -> [ResidentDTO] {
        let q = try req.content.decode(SearchBody.self).q
        return try await req.residentService().search(q).map { try ResidentDTO($0, vault: req.application.vault) }
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let input = try req.content.decode(ResidentInput.self)
        let resident = try await req.residentService().register(input)
        return try await ResidentDTO(resident, vault: req.application.vault).encodeResponse(status: .created, for: req)
    }

    struct TransferDTO: Content {
        let area: String
    }

    /// The resident moved to another area: the record goes to that area's team.
    @Sendable static func transfer(req: Request) async throws -> TransferDTO {
        let (service, id) = (try req.residentService(), try req.id())
        // Access first: someone without it learns nothing from how the body is read.
        try await service.requireAccess(id)
        return TransferDTO(area: try await service.transfer(id, try req.content.decode(ResidentMoveInput.self)))
    }

    /// Everything about one resident, for their right of access (AVG art. 15).
    @Sendable static func export(req: Request) async throws -> ResidentExportDTO {
        try ResidentExportDTO(try await req.residentService().export(try req.id()), vault: req.application.vault, for: try req.actor())
    }

    /// Corrects the resident's details (AVG art. 16).
    @Sendable static func correct(req: Request) async throws -> ResidentDTO {
        let id = try req.id()
        let service = try req.residentService()
        // The role and the record first, so that someone without access learns nothing from the body.
        try await service.requireAccess(id)
        let input = try req.content.decode(ResidentInput.self)
        return try ResidentDTO(try await service.correct(id, input), vault: req.application.vault)
    }

    /// Erases the resident's personal data at their request (AVG art. 17): 204 when done, 409 with
    /// the date until which the law requires keeping them.
    @Sendable static func erase(req: Request) async throws -> HTTPStatus {
        try await req.residentService().erase(try req.id(), policy: req.application.wijknetConfig.retention)
        return .noContent
    }

    struct RetentionDTO: Content {
        /// The first day the data may be erased; null while a request is open or care has no end date.
        let erasableFrom: String?
        let erasableNow: Bool
    }

    @Sendable static func retention(req: Request) async throws -> RetentionDTO {
        let from = try await req.residentService().erasableFrom(try req.id(), policy: req.application.wijknetConfig.retention)
        return RetentionDTO(erasableFrom: from?.description, erasableNow: from.map { $0 <= .today() } ?? false)
    }

    @Sendable static func show(req: Request) async throws -> ResidentDTO {
        try ResidentDTO(try await req.residentService().find(try req.id()), vault: req.application.vault)
    }
}
