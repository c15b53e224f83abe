import Fluent
import Foundation
import SQLKit

/// Proves at start-up that the configured key is the one the data was sealed with: the first
/// start seals a known text into `key_check`; every later start must be able to open it.
public enum KeyCheck {
    static let schema = "key_check"
    static let known = "wijknet-key-check"

    public static func verify(_ vault: BSNVault, on db: any Database) async throws {
        let sql = try db.sql()
        if let row = try await sql.select().column("sealed").from(schema).where("id", .equal, SQLBind(1)).first() {
            let sealed = try row.decode(column: "sealed", as: String.self)
            guard (try? vault.open(text: sealed)) == known else { throw BSNVault.KeyError.wrongKey }
        } else {
            try await sql.insert(into: schema).columns("id", "sealed").values(SQLBind(1), SQLBind(try vault.seal(text: known))).run()
        }
    }

    /// Whether the key opens what the data was sealed with, without writing anything (`/ready`):
    /// true on a database that has nothing sealed yet.
    public static func fits(_ vault: BSNVault, on db: any Database) async throws -> Bool {
        guard let row = try await db.sql().select().column("sealed").from(schema).where("id", .equal, SQLBind(1)).first() else { return true }
        return (try? vault.open(text: try row.decode(column: "sealed", as: String.self))) == known
    }
}
