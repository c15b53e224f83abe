import Vapor
import WijknetCore
import WijknetStore

/// `/api/v1/audit`: the audit log for auditors.
enum AuditAPI {
    static func register(_ api: APIRoutes) {
        api.on(.GET, .audit, use: entries)
        api.on(.POST, .auditResidentAccess, use: residentAccess)
    }

    @Sendable static func entries(req: Request) async throws -> PageDTO<AuditEntryDTO> {
        let filter = try req.query.decode(AuditFilterInput.self).filter().get()
        let page = try await req.auditQuery().entries(filter, try req.paging(defaultPerPage: AuditFilterInput.perPage))
        return PageDTO(items: page.items.map(AuditEntryDTO.init), page: page.page, perPage: page.perPage, total: page.total, totalIsExact: true)
    }

    struct ResidentBody: Content {
        var bsn: String?
    }

    /// POST, so the BSN travels in the body and never in a URL.
    @Sendable static func residentAccess(req: Request) async throws -> [AuditEntryDTO] {
        let body = try req.content.decode(ResidentBody.self)
        return try await req.auditQuery().residentAccess(bsn: body.bsn ?? "").map(AuditEntryDTO.init)
    }
}
