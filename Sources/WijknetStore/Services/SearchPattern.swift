import Fluent
import Foundation
import FluentSQL
import SQLKit

/// Case-insensitive "contains" search that behaves the same on SQLite and PostgreSQL, with the
/// user's `%` and `_` taken literally.
enum SearchPattern {
    static func escaped(_ text: String) -> String {
        var out = "%"
        for c in text.lowercased() {
            if c == "%" || c == "_" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out + "%"
    }

    static func lower(_ column: String, _ table: String) -> any SQLExpression {
        SQLFunction("LOWER", args: SQLColumn(column, table: table))
    }

    static func lowerLike(column: String, table: String, _ text: String) -> DatabaseQuery.Filter {
        .sql(SQLQueryString("\(lower(column, table)) LIKE \(bind: escaped(text)) ESCAPE '\\'"))
    }

    /// Requests (in `table`) whose summary or resident's name contains `text`. On SQLite through
    /// the FTS tables (`CreateSearchIndexes`), one subquery per table. Otherwise the row's own
    /// summary, and its resident's name by `EXISTS`: never `id IN (SELECT …)` over the requests,
    /// which PostgreSQL, when the set is too large to hash ("de" matches most of a million), runs
    /// again for every row — one search of two letters then took minutes.
    static func requests(containing text: String, table: String, sqlite: Bool) -> any SQLExpression {
        let id = SQLColumn("id", table: table), resident = SQLColumn("resident_id", table: table)
        if sqlite, let phrase = phrase(text) {
            return SQLQueryString("""
                (\(id) IN (SELECT id FROM request_search WHERE request_search MATCH \(bind: phrase))
                 OR \(resident) IN (SELECT id FROM resident_search WHERE resident_search MATCH \(bind: phrase)))
                """)
        }
        return SQLQueryString("""
            (\(lower("summary", table)) LIKE \(bind: escaped(text)) ESCAPE '\\'
             OR EXISTS (SELECT 1 FROM residents WHERE residents.id = \(resident) AND \(residentNames(text))))
            """)
    }

    /// Residents whose given or family name contains `text`, through the text indexes.
    static func residents(containing text: String, sqlite: Bool) -> DatabaseQuery.Filter {
        if sqlite, let phrase = phrase(text) {
            return .sql(SQLQueryString("\(SQLColumn("id", table: "residents")) IN (SELECT id FROM resident_search WHERE resident_search MATCH \(bind: phrase))"))
        }
        return .sql(SQLQueryString("(\(residentNames(text)))"))
    }

    /// A resident's whole name as searched, on both databases: given and family name joined by a
    /// space, lower-cased, so "Daan de Vries" finds him. PostgreSQL's trigram index is on exactly
    /// this expression (`UpdateSearchIndexesWholeName`); SQLite's FTS index holds the same text.
    static let wholeName = "LOWER(given_name || ' ' || family_name)"

    private static func residentNames(_ text: String) -> SQLQueryString {
        "\(unsafeRaw: wholeName) LIKE \(bind: escaped(text)) ESCAPE '\\'"
    }

    /// The text as one FTS5 phrase, which the trigram tokenizer finds as a substring in any case;
    /// nil under three characters, which a trigram index cannot find (those scan, as before).
    static func phrase(_ text: String) -> String? {
        guard text.count >= 3 else { return nil }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Below this many matches a search is answered from the index first (`RequestService.narrowed`).
    static let fewMatches = 2_000

    /// The ids of the requests whose summary or resident's name contains `text` (three characters
    /// or more: what a trigram index finds), or nil when there are more than `limit`. Read from
    /// the text indexes alone: SQLite's FTS tables, PostgreSQL's trigram indexes.
    static func requestIDs(containing text: String, atMost limit: Int, on db: any Database) async throws -> Set<UUID>? {
        let sql = try db.sql()
        guard let phrase = phrase(text) else { return nil }
        let bySummary: SQLQueryString, byName: SQLQueryString
        if sql.dialect.name == "sqlite" {
            bySummary = "SELECT id FROM request_search WHERE request_search MATCH \(bind: phrase)"
            byName = "SELECT r.id AS id FROM resident_search p CROSS JOIN support_requests r ON r.resident_id = p.id WHERE resident_search MATCH \(bind: phrase)"
        } else {
            bySummary = "SELECT id FROM support_requests WHERE LOWER(summary) LIKE \(bind: escaped(text)) ESCAPE '\\'"
            byName = """
                SELECT r.id AS id FROM residents JOIN support_requests r ON r.resident_id = residents.id
                WHERE \(residentNames(text))
                """
        }
        let bySummaryRows = try await sql.raw("\(bySummary) LIMIT \(unsafeRaw: String(limit + 1))").all()
        guard bySummaryRows.count <= limit else { return nil }
        let byNameRows = try await sql.raw("\(byName) LIMIT \(unsafeRaw: String(limit + 1))").all()
        guard byNameRows.count <= limit else { return nil }
        let ids = Set(try (bySummaryRows + byNameRows).map { try $0.decode(column: "id", as: UUID.self) })
        return ids.count <= limit ? ids : nil
    }
}
