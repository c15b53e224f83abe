import Fluent
import Foundation

/// A single-use code that stands in for the second factor when the phone is lost.
public final class RecoveryCode: Model, @unchecked Sendable {
    public static let schema = "recovery_codes"

    @ID public var id: UUID?
    @Parent(key: "user_id") public var user: User
    @Field(key: "code_hash") public var codeHash: String
    @OptionalField(key: "used_at") public var usedAt: Date?

    public init() {}

    public init(userID: UUID, codeHash: String) {
        self.$user.id = userID
        self.codeHash = codeHash
    }
}
