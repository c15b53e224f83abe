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
        let actor = trail.actor
        try await append(Who(userID: actor.userID.uuidString, username: actor.username, role: actor.role.rawValue,
                             organisationID: actor.organisationID?.uuidString ?? ""),
                         action, channel: trail.channel, subject: subject, subjectID: subjectID?.uuidString ?? "",
                         residents: residents, purpose: purpose, on: db)
    }

    /// Who acted, as text; empty fields for an attempt by someone not signed in.
    public struct Who: Sendable {
        public let userID: String
        public let username: String
        public let role: String
        public let organisationID: String

        public init(userID: String = "", username: String, role: String = "", organisationID: String = "") {
            self.userID = userID
            self.username = username
            self.role = role
            self.organisationID = organisationID
        }

        public init(_ user: User) {
            self.init(userID: user.id?.uuidString ?? "", username: user.username, role: user.role.rawValue,
                      organisationID: user.$organisation.id?.uuidString ?? "")
        }
    }

    /// A refused attempt (a wrong password, a slowed-down sign-in, a route refused or a record
    /// not found for this user), in a transaction of its own: the attempt itself changed nothing.
    /// NEN 7513 asks for attempts too, so that the auditor sees guessing and probing.
    public static func appendRefusal(_ who: Who, _ action: AuditAction, channel: AuditChannel, subject: String, subjectID: String,
                                     purpose: String, on db: any Database) async throws {
        try await db.transaction { db in
            try await append(who, action, channel: channel, subject: subject, subjectID: subjectID, residents: [], purpose: purpose, on: db)
        }
    }

    static func append(_ who: Who, _ action: AuditAction, channel: AuditChannel, subject: String, subjectID: String,
                       residents: [UUID], purpose: String, on db: any Database) async throws {
        let sql = try db.sql()
        guard let head = try await sql.update(headSchema)
            .set(SQLIdentifier("seq"), to: SQLBinaryExpression(SQLIdentifier("seq"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, SQLBind(1))
            .returning("seq", "hash")
            .first() else { throw StoreError.notFound(what: "auditlog") }
        let seq = try head.decode(column: "seq", as: Int.self)
        let previous = try head.decode(column: "hash", as: String.self)
        let content = AuditContent(
            seq: seq, at: timestamp(Date()), userID: who.userID, username: who.username, role: who.role,
            organisationID: who.organisationID, action: action.rawValue, channel: channel.rawValue,
            subject: subject, subjectID: subjectID, residentIDs: residents.map(\.uuidString).joined(separator: ","),
            purpose: purpose)
        let hash = AuditChain.hash(previous: previous, content: content, sha256: sha256)
        try await AuditEntry(content: content, previousHash: previous, hash: hash).create(on: db)
        try await sql.update(headSchema).set("hash", to: SQLBind(hash)).where("id", .equal, SQLBind(1)).run()
    }

    /// The head: the last entry's sequence number and hash.
    public static func head(on db: any Database) async throws -> (seq: Int, hash: String) {
        let row = try await db.sql().select().columns("seq", "hash").from(headSchema).where("id", .equal, SQLBind(1)).first()
        return (try row?.decode(column: "seq", as: Int.self) ?? 0, try row?.decode(column: "hash", as: String.self) ?? AuditChain.genesis)
    }

    /// Reads the whole log in order, a batch at a time, and checks the chain; nil when it is whole.
    public static func verify(on db: any Database, batch: Int = 5_000) async throws -> (checked: Int, problem: AuditChain.Problem?) {
        let sql = try db.sql()
        let head = try await sql.select().columns("seq", "hash").from(headSchema).where("id", .equal, SQLBind(1)).first()
        let headSeq = try head?.decode(column: "seq", as: Int.self) ?? 0
        let headHash = try head?.decode(column: "hash", as: String.self) ?? AuditChain.genesis
        var verifier = AuditChain.Verifier()
        var lastSeq = Int.min
        while true {
            // Up to the head read above: entries a running server appends meanwhile are after it,
            // and each one's head update commits with it, so the head never runs ahead of the log.
            let page = try await AuditEntry.query(on: db).filter(\.$seq > lastSeq).filter(\.$seq <= headSeq).sort(\.$seq).limit(batch).all()
            for entry in page {
                let stored = AuditChain.StoredEntry(content: entry.content, previousHash: entry.previousHash, hash: entry.hash)
                if let problem = verifier.check(stored, sha256: sha256) { return (verifier.checked, problem) }
            }
            guard let last = page.last, page.count == batch else { break }
            lastSeq = last.seq
        }
        if let problem = verifier.finish(headSeq: headSeq, headHash: headHash) { return (verifier.checked, problem) }
        // An entry past the head that no append explains was put there behind the log's back: the
        // newest entry is read first, the head after it, so an honest append is never past it.
        let newest = try await sql.select().column(SQLFunction("MAX", args: SQLIdentifier("seq")), as: "seq").from(AuditEntry.schema).first()
        let newestSeq = try newest?.decode(column: "seq", as: Int?.self) ?? 0
        if newestSeq > (try await Self.head(on: db).seq) { return (verifier.checked, .changed(seq: newestSeq)) }
        return (verifier.checked, nil)
    }

    /// Every entry that names the resident, oldest first.
    /// Every entry that names one of `residents` (the records of one person), oldest first.
    static func entries(naming residents: [UUID], on db: any Database) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: db)
            .group(.or) { group in
                for resident in residents {
                    group.filter(SearchPattern.lowerLike(column: "resident_ids", table: AuditEntry.schema, resident.uuidString))
                }
            }
            .sort(\.$seq).all()
    }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}
