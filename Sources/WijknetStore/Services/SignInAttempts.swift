import Fluent
import Foundation
import SQLKit
import WijknetCore

/// The count of sign-in attempts in a row per account name, shared by every instance through the
/// database. An attempt is claimed before the password is checked, in one atomic statement, so
/// a hundred guesses sent at once get exactly as many checks as `SignInBackoff` allows one by one.
public enum SignInAttempts {
    public static let schema = "sign_in_attempts"

    /// What a claim found.
    public enum Claim: Equatable, Sendable {
        /// Check the password; a success must `reset`.
        case granted
        /// Too many attempts in a row: wait this many seconds (at least 1).
        case wait(seconds: Int)
    }

    /// The name as it is kept: a hash, so the table does not list who tried to sign in as whom.
    static func key(_ username: String) -> String {
        AuditLog.sha256(username.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Counts one attempt for `username` if the backoff allows one now.
    public static func claim(_ username: String, now: Date = Date(), on db: any Database) async throws -> Claim {
        let sql = try db.sql()
        let key = key(username)
        let now = now.timeIntervalSince1970
        try await sql.raw("INSERT INTO \(ident: schema) (account_key, attempts) VALUES (\(bind: key), 0) ON CONFLICT (account_key) DO NOTHING").run()
        // The wait that this attempt sets, from the count it reaches: a CASE over the short table
        // of doubling delays, the maximum beyond it.
        var wait = "CASE attempts + 1"
        for (attempt, seconds) in SignInBackoff.delays { wait += " WHEN \(attempt) THEN \(seconds)" }
        wait += " ELSE \(SignInBackoff.maximumDelay) END"
        let claimed = try await sql.raw("""
            UPDATE \(ident: schema) SET attempts = attempts + 1,
              blocked_until = CASE WHEN attempts + 1 > \(unsafeRaw: String(SignInBackoff.freeAttempts)) THEN \(bind: now) + \(unsafeRaw: wait) ELSE NULL END
            WHERE account_key = \(bind: key) AND (blocked_until IS NULL OR blocked_until <= \(bind: now))
            RETURNING attempts
            """).first()
        if claimed != nil { return .granted }
        let row = try await sql.raw("SELECT blocked_until FROM \(ident: schema) WHERE account_key = \(bind: key)").first()
        let until = try row?.decodeNil(column: "blocked_until") == false ? try row!.decode(column: "blocked_until", as: Double.self) : now + 1
        return .wait(seconds: max(1, Int((until - now).rounded(.up))))
    }

    /// After a successful sign-in the next attempt starts from zero again.
    public static func reset(_ username: String, on db: any Database) async throws {
        try await db.sql().raw("DELETE FROM \(ident: schema) WHERE account_key = \(bind: key(username))").run()
    }
}
