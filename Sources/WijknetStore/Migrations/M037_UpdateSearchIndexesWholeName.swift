import Fluent
import SQLKit

/// PostgreSQL searched a resident's given and family name each on its own, so "Daan de Vries"
/// found nobody there while SQLite's index (the two joined by a space) found him. Both now search
/// the whole name (`SearchPattern.wholeName`); this replaces PostgreSQL's two name indexes with
/// one on that expression. SQLite's index already holds the whole name.
struct UpdateSearchIndexesWholeName: AsyncMigration {
    func prepare(on database: Database) async throws {
        let sql = try database.sql()
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("CREATE INDEX residents_name_trgm ON residents USING gin (\(unsafeRaw: SearchPattern.wholeName) gin_trgm_ops)").run()
        try await sql.raw("DROP INDEX IF EXISTS residents_given_name_trgm").run()
        try await sql.raw("DROP INDEX IF EXISTS residents_family_name_trgm").run()
    }

    func revert(on database: Database) async throws {
        let sql = try database.sql()
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("CREATE INDEX residents_given_name_trgm ON residents USING gin (LOWER(given_name) gin_trgm_ops)").run()
        try await sql.raw("CREATE INDEX residents_family_name_trgm ON residents USING gin (LOWER(family_name) gin_trgm_ops)").run()
        try await sql.raw("DROP INDEX IF EXISTS residents_name_trgm").run()
    }
}
