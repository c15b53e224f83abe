import Fluent
import Foundation
import WijknetCore

/// One e-mail waiting to go out: to whom, which notice, about which record (a request or a
/// meeting). The text is made when it is sent; it is deleted once sent.
public final class OutboxMessage: Model, @unchecked Sendable {
    public static let schema = "outbox_messages"

    @ID public var id: UUID?
    @Field(key: "recipient") public var recipient: String
    @Field(key: "notice") public var notice: Notice
    @Field(key: "subject_id") public var subjectID: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "next_attempt_at") public var nextAttemptAt: Date
    /// Why the last attempt failed: the step and the server's code, never the message.
    @OptionalField(key: "last_error") public var lastError: String?

    public init() {}

    public init(recipient: String, notice: Notice, subjectID: UUID) {
        self.recipient = recipient
        self.notice = notice
        self.subjectID = subjectID
        attempts = 0
        nextAttemptAt = Date()
    }
}
