import Fluent
import Foundation

/// A one-time link to set a password: works once, for `lifetimeHours`; only its token's hash is kept.
public final class PasswordLink: Model, @unchecked Sendable {
    public static let schema = "password_links"

    @ID public var id: UUID?
    @Parent(key: "user_id") public var user: User
    @Field(key: "token_hash") public var tokenHash: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?

    public static let lifetimeHours = 24

    public init() {}

    public init(userID: UUID, tokenHash: String, issuedAt: Date = Date()) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.expiresAt = issuedAt.addingTimeInterval(Double(Self.lifetimeHours) * 3600)
    }
}
