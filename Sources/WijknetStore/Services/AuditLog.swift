import Crypto
import Fluent
import Foundation
import SQLKit
import WijknetCore

/// Who is acting and through which channel, for the audit log.
public struct AuditTrail: Sendable {
    public let actor: Actor
    public let channel: AuditChannel

    public init(actor: Actor, channel: AuditChannel) {
        self.actor = actor
        self.channel = channel
    }

    /// Appends an entry inside the caller's transaction.
    func record(_ action: AuditAction, _ subject: String, _ subjectID: UUID?, residents: [UUID], purpose: String, on db: any Database) async throws {
        try await AuditLog.append(self, action, subject: subject, subjectID: subjectID, residents: residents, purpose: purpose, on: db)
    }

    /// Appends an entry for a read, in a transaction of its own, before the data is handed out.
    func recordRead(_ action: AuditAction, _ subject: String, _ subjectID: UUID?, residents: [UUID], purpose: String, on db: any Database) async throws {
        try await db.transaction { db in try await record(action, subject, subjectID, residents: residents, purpose: purpose, on: db) }
    }
}

/// Appends to and verifies the hash-chained audit log.
public enum AuditLog {
    static let headSchema = "audit_head"

    /// Appends one entry. Call it inside the transaction of the action it records: the head row's
    /// update locks it, so appends from several app instances queue up and the chain stays linear.
    public static func append(_ trail: AuditTrail, _ action: AuditAction, subject: String, subjectID: UUID?,
                              residents: [UUID], purpose: String, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        guard let head = try await sql.update(headSchema)
            .set(SQLIdentifier("seq"), to: SQLBinaryExpression(SQLIdentifier("seq"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, SQLBind(1))
            .returning("seq", "hash")
            .first() else { throw StoreError.notFound(what: "auditlog") }
        let seq = try head.decode(column: "seq", as: Int.self)
        let previous = try head.decode(column: "hash", as: String.self)
        let content = AuditContent(
            seq: seq, at: timestamp(Date()), userID: trail.actor.userID.uuidString, username: trail.actor.username, role: trail.actor.role.rawValue,
            organisationID: trail.actor.organisationID?.uuidString ?? "", action: action.rawValue, channel: trail.channel.rawValue,
            subject: subject, subjectID: subjectID?.uuidString ?? "", residentIDs: residents.map(\.uuidString).joined(separator: ","),
            purpose: purpose)
        let hash = AuditChain.hash(previous: previous, content: content, sha256: sha256)
        try await AuditEntry(content: content, previousHash: previous, hash: hash).create(on: db)
        try await sql.update(headSchema).set("hash", to: SQLBind(hash)).where("id", .equal, SQLBind(1)).run()
    }

    /// Reads the whole log in order, a batch at a time, and checks the chain; nil when it is whole.
    public static func verify(on db: any Database, batch: Int = 5_000) async throws -> (checked: Int, problem: AuditChain.Problem?) {
        let sql = db as! any SQLDatabase
        let head = try await sql.select().columns("seq", "hash").from(headSchema).where("id", .equal, SQLBind(1)).first()
        let headSeq = try head?.decode(column: "seq", as: Int.self) ?? 0
        let headHash = try head?.decode(column: "hash", as: String.self) ?? AuditChain.genesis
        var verifier = AuditChain.Verifier()
        var lastSeq = Int.min
        while true {
            let page = try await AuditEntry.query(on: db).filter(\.$seq > lastSeq).sort(\.$seq).limit(batch).all()
            for entry in page {
                let stored = AuditChain.StoredEntry(content: entry.content, previousHash: entry.previousHash, hash: entry.hash)
                if let problem = verifier.check(stored, sha256: sha256) { return (verifier.checked, problem) }
            }
            guard let last = page.last, page.count == batch else { break }
            lastSeq = last.seq
        }
        return (verifier.checked, verifier.finish(headSeq: headSeq, headHash: headHash))
    }

    /// Every entry that names the resident, oldest first.
    static func entries(naming resident: UUID, on db: any Database) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: db)
            .filter(SearchPattern.lowerLike(column: "resident_ids", table: AuditEntry.schema, resident.uuidString))
            .sort(\.$seq).all()
    }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}
