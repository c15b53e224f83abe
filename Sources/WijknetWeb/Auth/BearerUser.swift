import Crypto
import Fluent
import Vapor
import WijknetStore

/// Authenticates API calls by `Authorization: Bearer <token>`. Only token hashes are stored.
struct BearerUser: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "Stuur een API-token mee (Authorization: Bearer …).")
        }
        guard let token = try await UserToken.query(on: request.db)
            .filter(\.$tokenHash == TokenHash.of(bearer.token)).filter(\.$revokedAt == nil).filter(\.$expiresAt > Date())
            .with(\.$user).first(), token.user.isActive else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer error=\"invalid_token\""], reason: "Dit API-token is onbekend, ingetrokken of verlopen.")
        }
        request.currentUser = token.user
        // When the token was last used, shown to its owner, written at most once an hour so that
        // reading through the API does not become a write per request.
        if token.lastUsedAt.map({ Date().timeIntervalSince($0) > Self.lastUsedResolution }) ?? true {
            token.lastUsedAt = Date()
            try await token.save(on: request.db)
        }
        return try await next.respond(to: request)
    }

    static let lastUsedResolution: TimeInterval = 3600
}

/// API tokens are the store's random secrets (`TokenSecret`) with a recognisable prefix.
enum TokenHash {
    static func of(_ token: String) -> String { TokenSecret.hash(token) }

    /// A new random token: 32 bytes, base64url, with a recognisable prefix.
    static func newToken() -> String { "wnk_" + TokenSecret.random() }
}
