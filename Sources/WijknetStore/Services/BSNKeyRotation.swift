import Fluent
import Foundation
import SQLKit
import WijknetCore

/// Replaces the BSN key: every resident's BSN is opened with the old key and sealed again under
/// the new one, with a new look-up hash (and so is every second factor's secret), and the key check follows — in one transaction with its
/// audit entry, so the data is under one key or the other, never both. The BSNs themselves do not
/// change. Research pseudonyms derive from the key too: exports made after a rotation cannot be
/// linked to earlier ones (docs/security.md).
public struct BSNKeyRotation: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    /// Who rotates, in the audit log: the operator's command, not a user.
    public static let operatorRun = Actor(userID: UUID(uuidString: "00000000-0000-0000-0000-000000000000")!,
                                          username: "wijknet keys rotate", role: .admin, organisationID: nil, areaID: nil)

    public enum Refusal: Error, CustomStringConvertible {
        /// The old key does not open the data.
        case oldKeyDoesNotFit
        /// The new key is the key in use.
        case sameKey

        public var description: String {
            switch self {
            case .oldKeyDoesNotFit: "de huidige sleutel past niet bij de gegevens in de database; er is niets gewijzigd"
            case .sameKey: "de nieuwe sleutel is dezelfde als de huidige; er is niets gewijzigd"
            }
        }
    }

    /// Re-seals every BSN; returns how many. `progress` hears (done, total) after every batch.
    public func rotate(from old: BSNVault, to new: BSNVault, batch: Int = 1_000,
                       progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> Int {
        let sql = try db.sql()
        let check = try await sql.raw("SELECT sealed FROM key_check WHERE id = 1").first()?.decode(column: "sealed", as: String.self)
        if let check {
            guard (try? old.open(text: check)) == KeyCheck.known else { throw Refusal.oldKeyDoesNotFit }
            guard (try? new.open(text: check)) != KeyCheck.known else { throw Refusal.sameKey }
        }
        return try await db.transaction { db in
            let sql = try db.sql()
            // No instance may add a resident under the old key while this runs (SQLite's write
            // transaction excludes other writers already).
            if sql.dialect.name == "postgresql" { try await sql.raw("LOCK TABLE residents IN SHARE ROW EXCLUSIVE MODE").run() }
            let total = try await sql.raw("SELECT COUNT(*) AS n FROM residents WHERE anonymised_on IS NULL").first()?.decode(column: "n", as: Int.self) ?? 0
            var done = 0
            var after: UUID?
            while true {
                let from: SQLQueryString = after.map { "AND r.id > \(bind: $0)" } ?? ""
                let rows = try await sql.raw("""
                    SELECT r.id AS id, r.bsn_sealed AS bsn_sealed, d.area_id AS area FROM residents r JOIN districts d ON d.id = r.district_id
                    WHERE r.anonymised_on IS NULL \(from) ORDER BY r.id LIMIT \(unsafeRaw: String(batch))
                    """).all()
                guard !rows.isEmpty else { break }
                for row in rows {
                    let id = try row.decode(column: "id", as: UUID.self)
                    let bsn = try old.open(try row.decode(column: "bsn_sealed", as: String.self))
                    try await sql.raw("""
                        UPDATE residents SET bsn_sealed = \(bind: try new.seal(bsn)), bsn_lookup = \(bind: new.lookup(bsn, in: try row.decode(column: "area", as: UUID.self))) WHERE id = \(bind: id)
                        """).run()
                    after = id
                }
                done += rows.count
                progress(done, total)
            }
            // The second factors' secrets are sealed with the same key.
            let secrets = try await sql.raw("""
                SELECT id, totp_secret, totp_pending_secret FROM users WHERE totp_secret IS NOT NULL OR totp_pending_secret IS NOT NULL
                """).all()
            for row in secrets {
                func resealed(_ column: String) throws -> String? {
                    try row.decode(column: column, as: String?.self).map { try new.seal(text: try old.open(text: $0)) }
                }
                try await sql.raw("""
                    UPDATE users SET totp_secret = \(bind: try resealed("totp_secret")), totp_pending_secret = \(bind: try resealed("totp_pending_secret"))
                    WHERE id = \(bind: try row.decode(column: "id", as: UUID.self))
                    """).run()
            }
            try await sql.raw("DELETE FROM key_check").run()
            try await sql.raw("INSERT INTO key_check (id, sealed) VALUES (1, \(bind: try new.seal(text: KeyCheck.known)))").run()
            try await AuditTrail(actor: Self.operatorRun, channel: .command).record(
                .update, "bsnKey", nil, residents: [], purpose: "BSN-sleutel vervangen: \(done) BSN's opnieuw versleuteld", on: db)
            return done
        }
    }
}
