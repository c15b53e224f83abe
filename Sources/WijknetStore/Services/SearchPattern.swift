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

    /// Requests (in `table`) whose summary or resident's name contains `text`, through the text
    /// indexes (`CreateSearchIndexes`): one subquery per table, so each can use its own index.
    static func requests(containing text: String, table: String, sqlite: Bool) -> any SQLExpression {
        let id = SQLColumn("id", table: table), resident = SQLColumn("resident_id", table: table)
        if sqlite, let phrase = phrase(text) {
            return SQLQueryString("""
                (\(id) IN (SELECT id FROM request_search WHERE request_search MATCH \(bind: phrase))
                 OR \(resident) IN (SELECT id FROM resident_search WHERE resident_search MATCH \(bind: phrase)))
                """)
        }
        return SQLQueryString("""
            (\(id) IN (SELECT id FROM support_requests WHERE LOWER(summary) LIKE \(bind: escaped(text)) ESCAPE '\\')
             OR \(resident) IN (SELECT id FROM residents WHERE \(residentNames(text))))
            """)
    }

    /// Residents whose given or family name contains `text`, through the text indexes.
    static func residents(containing text: String, sqlite: Bool) -> DatabaseQuery.Filter {
        if sqlite, let phrase = phrase(text) {
            return .sql(SQLQueryString("\(SQLColumn("id", table: "residents")) IN (SELECT id FROM resident_search WHERE resident_search MATCH \(bind: phrase))"))
        }
        return .sql(SQLQueryString("(\(residentNames(text)))"))
    }

    private static func residentNames(_ text: String) -> SQLQueryString {
        "\(lower("given_name", "residents")) LIKE \(bind: escaped(text)) ESCAPE '\\' OR \(lower("family_name", "residents")) LIKE \(bind: escaped(text)) ESCAPE '\\'"
    }

    /// The text as one FTS5 phrase, which the trigram tokenizer finds as a substring in any case;
    /// nil under three characters, which a trigram index cannot find (those scan, as before).
    static func phrase(_ text: String) -> String? {
        guard text.count >= 3 else { return nil }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Below this many matches a search is answered from the index first (`RequestService.narrowed`).
    static let fewMatches = 2_000

    /// SQLite: the ids of the requests whose summary or resident's name matches `phrase`, or nil
    /// when there are more than `limit`.
    static func requestIDs(matching phrase: String, atMost limit: Int, on db: any Database) async throws -> Set<UUID>? {
        let sql = try db.sql()
        let bySummary = try await sql.raw("SELECT id FROM request_search WHERE request_search MATCH \(bind: phrase) LIMIT \(unsafeRaw: String(limit + 1))").all()
        guard bySummary.count <= limit else { return nil }
        let byName = try await sql.raw("""
            SELECT r.id AS id FROM resident_search p CROSS JOIN support_requests r ON r.resident_id = p.id
            WHERE resident_search MATCH \(bind: phrase) LIMIT \(unsafeRaw: String(limit + 1))
            """).all()
        guard byName.count <= limit else { return nil }
        let ids = Set(try (bySummary + byName).map { try $0.decode(column: "id", as: UUID.self) })
        return ids.count <= limit ? ids : nil
    }
}
