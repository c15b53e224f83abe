import Fluent
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
}
