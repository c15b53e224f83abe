import Vapor
import WijknetCore
import WijknetStore

/// `/api/v1/accounts`: the administrator's accounts (issue 15). A new account and a new password
/// link come back with `passwordLink`, the one-time address to give its owner; it is not shown again.
enum AccountsAPI {
    static func register(_ api: APIRoutes) {
        api.on(.GET, .accounts, use: list)
        api.on(.POST, .accounts, use: create)
        api.on(.GET, .account, use: show)
        api.on(.PATCH, .account, use: update)
        api.on(.POST, .accountDeactivate, use: deactivate)
        api.on(.POST, .accountPasswordLink, use: passwordLink)
        api.on(.POST, .accountSecondFactorReset, use: resetSecondFactor)
    }

    struct AccountDTO: Content {
        let id: UUID
        let username: String
        let displayName: String
        let email: String?
        let role: Role
        let areaId: UUID?
        let organisationId: UUID?
        let active: Bool
        let lastSignInAt: Date?
        /// Whether the account signs in with a second factor.
        let secondFactor: Bool
        /// Only right after creating the account or a new link.
        let passwordLink: String?

        init(_ user: User, link: String? = nil, req: Request) throws {
            id = try user.requireID()
            username = user.username
            displayName = user.displayName
            email = user.email
            role = user.role
            areaId = user.$area.id
            organisationId = user.$organisation.id
            active = user.isActive
            lastSignInAt = user.lastSignInAt
            secondFactor = user.hasSecondFactor
            passwordLink = link.map { req.publicURL(SiteURL.passwordSet($0).path) }
        }
    }

    struct ListQuery: Content {
        var role: String?
        var q: String?
        var status: String?
    }

    @Sendable static func list(req: Request) async throws -> PageDTO<AccountDTO> {
        _ = try req.authorise(CasePolicy.mayManageAccounts)
        let query = try req.query.decode(ListQuery.self)
        var check = Checker()
        let role = query.role.flatMap { $0.isEmpty ? nil : check.choice($0, "role", label: "Rol", as: Role.self) }
        if let status = query.status, !["", "active", "all"].contains(status) { check.fail("status", "Status is active of all.") }
        try check.finish()
        let page = try await req.accountService().list(AccountService.Filter(role: role, text: query.q, includeDeactivated: query.status != "active"),
                                                       try req.paging())
        return PageDTO(items: try page.items.map { try AccountDTO($0, req: req) }, page: page.page, perPage: page.perPage,
                       total: page.total, totalIsExact: page.totalIsExact)
    }

    /// The role is checked before the body is read, so a caller who may not manage accounts learns
    /// nothing from how their body was read.
    @Sendable static func create(req: Request) async throws -> Response {
        _ = try req.authorise(CasePolicy.mayManageAccounts)
        let (user, link) = try await req.accountService().create(try req.content.decode(AccountInput.self))
        return try await AccountDTO(user, link: link, req: req).encodeResponse(status: .created, for: req)
    }

    @Sendable static func show(req: Request) async throws -> AccountDTO {
        try AccountDTO(try await req.accountService().find(try req.id()), req: req)
    }

    /// The username stays; a username in the body is ignored.
    @Sendable static func update(req: Request) async throws -> AccountDTO {
        _ = try req.authorise(CasePolicy.mayManageAccounts)
        return try AccountDTO(try await req.accountService().update(try req.id(), try req.content.decode(AccountInput.self)), req: req)
    }

    @Sendable static func deactivate(req: Request) async throws -> HTTPStatus {
        try await req.accountService().deactivate(try req.id())
        return .noContent
    }

    @Sendable static func resetSecondFactor(req: Request) async throws -> HTTPStatus {
        try await req.accountService().resetSecondFactor(try req.id(), vault: req.application.vault)
        return .noContent
    }

    @Sendable static func passwordLink(req: Request) async throws -> AccountDTO {
        let service = try req.accountService()
        let id = try req.id()
        let link = try await service.passwordLink(id)
        return try AccountDTO(try await service.find(id), link: link, req: req)
    }
}
