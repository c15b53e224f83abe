import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// `/api/v1/tokens`: bearer tokens for the API. Issuing one takes a username and password, and the
/// second factor's code where the account has one; listing and revoking take a token.
enum TokensAPI {
    struct IssueBody: Content {
        var username: String?
        var password: String?
        var name: String?
        /// The second factor's code (or a recovery code), for an account that has one.
        var code: String?
    }

    /// Outside the bearer check: this is how a client gets its first token.
    @Sendable static func issue(req: Request) async throws -> Response {
        let body = try req.content.decode(IssueBody.self)
        let user: User
        do {
            user = try await SignIn.verify(username: body.username ?? "", password: body.password ?? "", on: req)
            if user.hasSecondFactor {
                try await SignIn.verifyCode(body.code ?? "", of: user, on: req)
            } else if SignIn.mustEnrol(user, req) {
                throw Abort(.forbidden, reason: "Voor deze rol is een tweede factor verplicht. Stel die eerst in de browser in (Tweede factor), en stuur dan de code mee.")
            }
            try await SignIn.complete(user, on: req)
        } catch let failure as SignIn.Failure {
            guard case .wait(let seconds) = failure else { throw Abort(failure.status, reason: failure.message) }
            throw Abort(.tooManyRequests, headers: ["Retry-After": String(seconds)], reason: failure.message)
        }
        let name = try TokenIssuing.name(body.name)
        let (token, model) = try await TokenIssuing.issue(for: user, name: name, on: req.db)
        return try await IssuedTokenDTO(id: try model.requireID(), name: name, token: token, expiresAt: model.expiresAt)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable static func list(req: Request) async throws -> [TokenDTO] {
        let user = try req.requireUser()
        return try await UserToken.query(on: req.db).filter(\.$user.$id == (try user.requireID())).sort(\.$createdAt, .descending).all()
            .map { TokenDTO(id: try $0.requireID(), name: $0.name, createdAt: $0.createdAt, revokedAt: $0.revokedAt, expiresAt: $0.expiresAt, lastUsedAt: $0.lastUsedAt) }
    }

    @Sendable static func revoke(req: Request) async throws -> HTTPStatus {
        try await TokenIssuing.revoke(try req.id(), of: try req.requireUser(), on: req.db)
        return .noContent
    }

    @Sendable static func me(req: Request) async throws -> MeDTO {
        let user = try req.requireUser()
        return MeDTO(id: try user.requireID(), username: user.username, displayName: user.displayName, role: user.role,
                     organisationId: user.$organisation.id, areaId: user.$area.id)
    }
}
