import Fluent

/// Single sign-on half-way: the state sent to the identity provider (as a hash), the nonce and
/// PKCE verifier to check its answer with, and a hash of the browser's own cookie.
struct CreateSSOLogins: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SSOLogin.schema)
            .id()
            .field("state_hash", .string, .required)
            .field("browser_hash", .string, .required)
            .field("nonce", .string, .required)
            .field("code_verifier", .string, .required)
            .field("back_path", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "state_hash")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(SSOLogin.schema).delete()
    }
}
