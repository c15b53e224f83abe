import Fluent
import SQLKit

/// Text indexes for the search of requests and residents, so a search does not read every row.
/// PostgreSQL: pg_trgm's trigram indexes on the lower-cased texts, which `LIKE '%…%'` uses as it
/// is. SQLite: FTS5 tables with the trigram tokenizer, one for request summaries and one for
/// residents' names, kept in step with the rows by triggers, so every write and every
/// anonymisation (which blanks the texts) reaches the index in its own transaction. A row's place
/// in the index is kept by its id in a small table, since SQLite may renumber a table's own rowids.
struct CreateSearchIndexes: AsyncMigration {
    func prepare(on database: Database) async throws {
        let sql = try database.sql()
        if sql.dialect.name == "postgresql" {
            try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm").run()
            try await sql.raw("CREATE INDEX requests_summary_trgm ON support_requests USING gin (LOWER(summary) gin_trgm_ops)").run()
            try await sql.raw("CREATE INDEX residents_given_name_trgm ON residents USING gin (LOWER(given_name) gin_trgm_ops)").run()
            try await sql.raw("CREATE INDEX residents_family_name_trgm ON residents USING gin (LOWER(family_name) gin_trgm_ops)").run()
            return
        }
        for index in SQLiteSearchIndex.all {
            for statement in index.create { try await sql.raw(SQLQueryString(statement)).run() }
        }
    }

    func revert(on database: Database) async throws {
        let sql = try database.sql()
        if sql.dialect.name == "postgresql" {
            for index in ["requests_summary_trgm", "residents_given_name_trgm", "residents_family_name_trgm"] {
                try await sql.raw("DROP INDEX IF EXISTS \(ident: index)").run()
            }
            return
        }
        for index in SQLiteSearchIndex.all {
            for statement in index.drop { try await sql.raw(SQLQueryString(statement)).run() }
        }
    }
}

/// One FTS5 index on SQLite: the texts of `table`'s `columns`, joined by a space, found back by their id.
struct SQLiteSearchIndex: Sendable {
    let name: String
    let table: String
    let columns: [String]

    static let requests = SQLiteSearchIndex(name: "request_search", table: "support_requests", columns: ["summary"])
    static let residents = SQLiteSearchIndex(name: "resident_search", table: "residents", columns: ["given_name", "family_name"])
    static let all = [requests, residents]

    /// The indexed text as SQL over a row; `row` is `NEW.`, `OLD.` or nothing.
    func text(_ row: String) -> String {
        columns.map { row + $0 }.joined(separator: " || ' ' || ")
    }

    var create: [String] {
        let keys = "\(name)_keys"
        let insert = "INSERT INTO \(name) (id, text) VALUES (NEW.id, \(text("NEW."))); INSERT INTO \(keys) (id, entry) VALUES (NEW.id, last_insert_rowid());"
        return [
            "CREATE VIRTUAL TABLE \(name) USING fts5(id UNINDEXED, text, tokenize = 'trigram')",
            "CREATE TABLE \(keys) (id TEXT PRIMARY KEY, entry INTEGER NOT NULL)",
            "INSERT INTO \(name) (id, text) SELECT id, \(text("")) FROM \(table)",
            "INSERT INTO \(keys) (id, entry) SELECT id, rowid FROM \(name)",
            "CREATE TRIGGER \(name)_insert AFTER INSERT ON \(table) BEGIN \(insert) END",
            """
            CREATE TRIGGER \(name)_update AFTER UPDATE OF \(columns.joined(separator: ", ")) ON \(table) BEGIN \
            UPDATE \(name) SET text = \(text("NEW.")) WHERE rowid = (SELECT entry FROM \(keys) WHERE id = OLD.id); END
            """,
            """
            CREATE TRIGGER \(name)_delete AFTER DELETE ON \(table) BEGIN \
            DELETE FROM \(name) WHERE rowid = (SELECT entry FROM \(keys) WHERE id = OLD.id); DELETE FROM \(keys) WHERE id = OLD.id; END
            """,
        ]
    }

    var drop: [String] {
        ["DROP TRIGGER IF EXISTS \(name)_insert", "DROP TRIGGER IF EXISTS \(name)_update", "DROP TRIGGER IF EXISTS \(name)_delete",
         "DROP TABLE IF EXISTS \(name)_keys", "DROP TABLE IF EXISTS \(name)"]
    }
}
