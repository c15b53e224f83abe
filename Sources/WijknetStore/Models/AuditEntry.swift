import Fluent
import Foundation
import WijknetCore

/// One entry of the audit log: who did what with whose data, when. Append-only; see `AuditLog`.
/// All content is stored as text so that it reads back exactly as it was hashed.
public final class AuditEntry: Model, @unchecked Sendable {
    public static let schema = "audit_entries"

    @ID public var id: UUID?
    @Field(key: "seq") public var seq: Int
    @Field(key: "at") public var at: String
    @Field(key: "user_id") public var userID: String
    @Field(key: "username") public var username: String
    @Field(key: "role") public var role: String
    @Field(key: "organisation_id") public var organisationID: String
    @Field(key: "action") public var action: String
    @Field(key: "channel") public var channel: String
    @Field(key: "subject") public var subject: String
    @Field(key: "subject_id") public var subjectID: String
    @Field(key: "resident_ids") public var residentIDs: String
    @Field(key: "purpose") public var purpose: String
    @Field(key: "previous_hash") public var previousHash: String
    @Field(key: "hash") public var hash: String

    public init() {}

    public init(content c: AuditContent, previousHash: String, hash: String) {
        seq = c.seq
        at = c.at
        userID = c.userID
        username = c.username
        role = c.role
        organisationID = c.organisationID
        action = c.action
        channel = c.channel
        subject = c.subject
        subjectID = c.subjectID
        residentIDs = c.residentIDs
        purpose = c.purpose
        self.previousHash = previousHash
        self.hash = hash
    }

    public var content: AuditContent {
        AuditContent(seq: seq, at: at, userID: userID, username: username, role: role, organisationID: organisationID, action: action,
                     channel: channel, subject: subject, subjectID: subjectID, residentIDs: residentIDs, purpose: purpose)
    }
}
