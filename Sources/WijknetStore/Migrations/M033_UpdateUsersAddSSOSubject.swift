import Fluent
import SQLKit

/// The identity provider's name for the person behind an account (issuer and `sub`), once they
/// signed in with single sign-on: from then on the account is found by it, never by e-mail again.
struct UpdateUsersAddSSOSubject: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(User.schema).field("sso_subject", .string).update()
        try await database.sql().create(index: "users_sso_subject").unique().on(User.schema).column("sso_subject").run()
    }

    func revert(on database: Database) async throws {
        try await database.sql().drop(index: "users_sso_subject").ifExists().run()
        try await database.schema(User.schema).deleteField("sso_subject").update()
    }
}
