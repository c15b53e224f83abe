import Fluent
import Foundation

/// API tokens end: every token gets the day it stops working, tokens issued before this
/// migration included (they count from now).
struct UpdateUserTokensAddExpiresAt: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(UserToken.schema).field("expires_at", .datetime).update()
        try await UserToken.query(on: database).set(\.$expiresAt, to: UserToken.expiry(from: Date())).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(UserToken.schema).deleteField("expires_at").update()
    }
}
