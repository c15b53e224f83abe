import Fluent
import Foundation
import WijknetCore

/// A person who signs in: a coach, a partner professional, a chair, an analyst or an administrator.
public final class User: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID public var id: UUID?
    @Field(key: "username") public var username: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "role") public var role: Role
    @Field(key: "password_hash") public var passwordHash: String
    /// The organisation the user works for (the sociaal wijkteam for a coach).
    @OptionalParent(key: "organisation_id") public var organisation: Organisation?
    /// For a coach: the area of their team. For a chair: the area of their network.
    @OptionalParent(key: "area_id") public var area: Area?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "email") public var email: String?
    /// Set when the account's access ended: it can no longer sign in, its sessions and tokens stop.
    @OptionalField(key: "deactivated_at") public var deactivatedAt: Date?
    @OptionalField(key: "last_sign_in_at") public var lastSignInAt: Date?
    /// The second factor (`SecondFactors`): the TOTP secret sealed, one awaiting confirmation, since
    /// when it is on, and the last time step accepted.
    @OptionalField(key: "totp_secret") var totpSecret: String?
    @OptionalField(key: "totp_pending_secret") var totpPendingSecret: String?
    @OptionalField(key: "totp_enabled_at") public var totpEnabledAt: Date?
    @OptionalField(key: "totp_last_step") var totpLastStep: Int64?
    /// The identity provider's issuer and subject, once the person signed in with single sign-on.
    @OptionalField(key: "sso_subject") public var ssoSubject: String?

    public var isActive: Bool { deactivatedAt == nil }
    public var hasSecondFactor: Bool { totpEnabledAt != nil }

    public init() {}

    public init(id: UUID? = nil, username: String, displayName: String, role: Role, passwordHash: String,
                organisationID: UUID? = nil, areaID: UUID? = nil) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.passwordHash = passwordHash
        self.$organisation.id = organisationID
        self.$area.id = areaID
    }
}

/// A bearer token for the API. Only the SHA-256 of the token is stored; the token itself is shown
/// once, when it is issued. It works until it is revoked or `lifetimeDays` have passed, so a
/// token copied into a forgotten script does not work for ever.
public final class UserToken: Model, @unchecked Sendable {
    public static let schema = "user_tokens"

    @ID public var id: UUID?
    @Parent(key: "user_id") public var user: User
    @Field(key: "name") public var name: String
    @Field(key: "token_hash") public var tokenHash: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    /// Always set; optional only because tokens older than the column got theirs by migration.
    @OptionalField(key: "expires_at") public var expiresAt: Date?

    public static let lifetimeDays = 90

    public static func expiry(from issued: Date) -> Date { issued.addingTimeInterval(Double(lifetimeDays) * 86_400) }

    public init() {}

    public init(id: UUID? = nil, userID: UUID, name: String, tokenHash: String, issuedAt: Date = Date()) {
        self.id = id
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.expiresAt = UserToken.expiry(from: issuedAt)
    }
}
