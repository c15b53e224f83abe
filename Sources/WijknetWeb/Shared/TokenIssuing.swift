import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// Issuing and revoking a user's API tokens, from the API and from the page *API-tokens*. Only the
/// token's SHA-256 is stored (`TokenHash`); the token itself is shown once.
enum TokenIssuing {
    /// The name a user gives a token, checked like every text; "API-token" when none is given.
    static func name(_ raw: String?) throws(ValidationFailure) -> String {
        var check = Checker()
        let name = check.optionalText(raw, "name", label: "Naam van het token", limit: 100)
        try check.finish()
        return name ?? "API-token"
    }

    static func issue(for user: User, name: String, on db: any Database) async throws -> (String, UserToken) {
        let token = TokenHash.newToken()
        let model = UserToken(userID: try user.requireID(), name: name, tokenHash: TokenHash.of(token))
        try await model.create(on: db)
        return (token, model)
    }

    static func revoke(_ id: UUID, of user: User, on db: any Database) async throws {
        guard let token = try await UserToken.query(on: db).filter(\.$id == id).filter(\.$user.$id == (try user.requireID())).first() else {
            throw Abort(.notFound, reason: "Dit token bestaat niet.")
        }
        if token.revokedAt == nil {
            token.revokedAt = Date()
            try await token.save(on: db)
        }
    }
}
