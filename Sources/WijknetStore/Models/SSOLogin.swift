import Fluent
import Foundation

/// A single sign-on under way, from the redirect to the identity provider until its answer; used
/// once, and worth nothing after `lifetimeMinutes`.
public final class SSOLogin: Model, @unchecked Sendable {
    public static let schema = "sso_logins"

    @ID public var id: UUID?
    @Field(key: "state_hash") public var stateHash: String
    @Field(key: "browser_hash") public var browserHash: String
    @Field(key: "nonce") public var nonce: String
    @Field(key: "code_verifier") public var codeVerifier: String
    @OptionalField(key: "back_path") public var backPath: String?
    @Field(key: "created_at") public var createdAt: Date

    public static let lifetimeMinutes = 10

    public init() {}

    public init(stateHash: String, browserHash: String, nonce: String, codeVerifier: String, backPath: String?, createdAt: Date = Date()) {
        self.stateHash = stateHash
        self.browserHash = browserHash
        self.nonce = nonce
        self.codeVerifier = codeVerifier
        self.backPath = backPath
        self.createdAt = createdAt
    }
}
