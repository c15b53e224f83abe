import Vapor
import WijknetCore
import WijknetStore

/// `/api/v1/audit`: the audit log for auditors.
enum AuditAPI {
    static func register(_ api: any RoutesBuilder) {
        api.get("audit", use: entries)
        api.post("audit", "resident-access", use: residentAccess)
    }

    struct EntryDTO: Content {
        let seq: Int
        let at: String
        let userId: String
        let username: String
        let role: String
        let organisationId: String
        let action: String
        let channel: String
        let subject: String
        let subjectId: String
        let residentIds: [String]
        let purpose: String
        let previousHash: String
        let hash: String

        init(_ e: AuditEntry) {
            seq = e.seq
            at = e.at
            userId = e.userID
            username = e.username
            role = e.role
            organisationId = e.organisationID
            action = e.action
            channel = e.channel
            subject = e.subject
            subjectId = e.subjectID
            residentIds = e.residentIDs.split(separator: ",").map(String.init)
            purpose = e.purpose
            previousHash = e.previousHash
            hash = e.hash
        }
    }

    struct Query: Content {
        var username: String?
        var action: String?
        var from: String?
        var to: String?
    }

    @Sendable static func entries(req: Request) async throws -> PageDTO<EntryDTO> {
        let q = try req.query.decode(Query.self)
        var check = Checker()
        let action = q.action.flatMap { $0.isEmpty ? nil : check.choice($0, "action", label: "Handeling", as: AuditAction.self) }
        let from = check.optionalDate(q.from, "from", label: "Vanaf")
        let to = check.optionalDate(q.to, "to", label: "Tot en met")
        try check.finish()
        let page = try await req.auditQuery().entries(.init(username: q.username, action: action, from: from, to: to), try req.paging(defaultPerPage: AuditPages.perPage))
        return PageDTO(items: page.items.map(EntryDTO.init), page: page.page, perPage: page.perPage, total: page.total, totalIsExact: true)
    }

    struct ResidentBody: Content {
        var bsn: String?
    }

    /// POST, so the BSN travels in the body and never in a URL.
    @Sendable static func residentAccess(req: Request) async throws -> [EntryDTO] {
        let body = try req.content.decode(ResidentBody.self)
        return try await req.auditQuery().residentAccess(bsn: body.bsn ?? "").map(EntryDTO.init)
    }
}
