import Fluent
import Foundation
import SQLKit
import WijknetCore

/// Who hears of what: the accounts with an e-mail address that a step concerns. Called inside the
/// step's transaction; does nothing when e-mail is off (`enabled`).
public struct Outbox: Sendable {
    let enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    /// The partner professionals of `organisation`.
    func organisation(_ organisation: UUID, _ notice: Notice, about subject: UUID, on db: any Database) async throws {
        guard enabled else { return }
        let users = try await User.query(on: db).filter(\.$organisation.$id == organisation).filter(\.$role == .partner).all()
        try await add(users, notice, subject, on: db)
    }

    /// The chairs of the network of `area`.
    func chairs(of area: UUID, _ notice: Notice, about subject: UUID, on db: any Database) async throws {
        guard enabled else { return }
        let users = try await User.query(on: db).filter(\.$area.$id == area).filter(\.$role == .chair).all()
        try await add(users, notice, subject, on: db)
    }

    func user(_ id: UUID, _ notice: Notice, about subject: UUID, on db: any Database) async throws {
        guard enabled else { return }
        try await add(try await User.query(on: db).filter(\.$id == id).all(), notice, subject, on: db)
    }

    private func add(_ users: [User], _ notice: Notice, _ subject: UUID, on db: any Database) async throws {
        for user in users where user.isActive {
            guard let email = user.email, !email.isEmpty else { continue }
            try await OutboxMessage(recipient: email, notice: notice, subjectID: subject).create(on: db)
        }
    }

    // MARK: sending

    /// Up to `limit` messages due now, each claimed for `lease` seconds so that another instance
    /// does not send it too: claiming moves its next attempt past now, in one statement, so of two
    /// instances only one finds it still due.
    public static func claim(limit: Int = 20, lease: TimeInterval = 300, now: Date = Date(), on db: any Database) async throws -> [OutboxMessage] {
        let due = try await OutboxMessage.query(on: db).filter(\.$nextAttemptAt <= now).sort(\.$nextAttemptAt).limit(limit).all()
        var claimed: [OutboxMessage] = []
        for message in due {
            let rows = try await db.sql().raw("""
                UPDATE outbox_messages SET next_attempt_at = \(bind: now.addingTimeInterval(lease))
                WHERE id = \(bind: try message.requireID()) AND next_attempt_at <= \(bind: now) RETURNING id
                """).all()
            if !rows.isEmpty { claimed.append(message) }
        }
        return claimed
    }

    public static func sent(_ message: OutboxMessage, on db: any Database) async throws {
        try await message.delete(on: db)
    }

    /// Tries again later, waiting longer each time (1, 2, 4 … minutes, at most a day).
    public static func failed(_ message: OutboxMessage, reason: String, now: Date = Date(), on db: any Database) async throws {
        message.attempts += 1
        message.lastError = String(reason.prefix(200))
        message.nextAttemptAt = now.addingTimeInterval(min(86_400, 60 * pow(2, Double(min(message.attempts - 1, 20)))))
        try await message.save(on: db)
    }
}
