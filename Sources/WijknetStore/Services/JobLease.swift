import Fluent
import Foundation
import SQLKit

/// A background job (the figures' recount) runs on one instance at a time, whichever has the
/// lease: a row per job naming the instance and until when. Taking it is one statement, so of two
/// instances asking at the same moment one gets it; a holder that stopped loses it when it runs out.
public enum JobLease {
    public static let schema = "job_leases"

    /// Takes or renews the lease of `job` for `holder` until `now + length`; false while another
    /// instance holds it. `rounds` counts every round taken, for the operator and the tests.
    public static func take(_ job: String, holder: String, for length: TimeInterval, on db: any Database, now: Date = Date()) async throws -> Bool {
        let sql = try db.sql()
        let until = now.addingTimeInterval(length)
        let taken = try await sql.raw("""
            UPDATE \(ident: schema) SET holder = \(bind: holder), until = \(bind: until), rounds = rounds + 1
            WHERE name = \(bind: job) AND (holder = \(bind: holder) OR until <= \(bind: now)) RETURNING name
            """).all()
        if !taken.isEmpty { return true }
        // The first round ever of this job: the row is made, unless another instance made it first.
        let made = try await sql.raw("""
            INSERT INTO \(ident: schema) (name, holder, until, rounds) VALUES (\(bind: job), \(bind: holder), \(bind: until), 1)
            ON CONFLICT (name) DO NOTHING RETURNING name
            """).all()
        return !made.isEmpty
    }

    /// How many rounds of `job` were taken, by all instances together.
    public static func rounds(_ job: String, on db: any Database) async throws -> Int {
        try await db.sql().raw("SELECT rounds FROM \(ident: schema) WHERE name = \(bind: job)").first()?.decode(column: "rounds", as: Int.self) ?? 0
    }
}
