import Fluent
import SQLKit

extension Database {
    /// The SQL interface of a Fluent database, for what the schema and query builders cannot say
    /// (conditional inserts, bulk statements, indexes); both drivers Wijknet uses provide it.
    package func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw StoreError.notAllowed(message: "Deze database ondersteunt geen SQL.") }
        return sql
    }
}
