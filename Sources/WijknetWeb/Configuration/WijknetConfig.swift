import Foundation

/// How Wijknet runs, read once at start-up from the command line and the environment.
public struct WijknetConfig: Sendable {
    public enum Storage: Sendable, Equatable {
        /// A SQLite file: the embedded default.
        case sqliteFile(String)
        case sqliteMemory
        /// A PostgreSQL URL, for production and several app instances.
        case postgres(String)
    }

    public var storage: Storage
    /// Demo mode: the login page lists the demo accounts.
    public var demo: Bool
    /// Send cookies only over HTTPS. On by default; off for a local demo over plain HTTP.
    public var secureCookies: Bool
    /// Minutes of inactivity after which a session ends.
    public var sessionMinutes: Int

    public init(storage: Storage, demo: Bool = false, secureCookies: Bool = true, sessionMinutes: Int = 30) {
        self.storage = storage
        self.demo = demo
        self.secureCookies = secureCookies
        self.sessionMinutes = sessionMinutes
    }

    /// The documented default database file: `./data/wijknet.sqlite`, or `WIJKNET_SQLITE_PATH`.
    public static var defaultSQLitePath: String {
        ProcessInfo.processInfo.environment["WIJKNET_SQLITE_PATH"] ?? "data/wijknet.sqlite"
    }

    /// `--database-url` wins over `DATABASE_URL`; without either, the SQLite file.
    public static func storage(databaseURL: String?) -> Storage {
        let url = databaseURL ?? ProcessInfo.processInfo.environment["DATABASE_URL"]
        if let url, !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") { return .postgres(url) }
            if url == "sqlite::memory:" { return .sqliteMemory }
            if url.hasPrefix("sqlite://") { return .sqliteFile(String(url.dropFirst("sqlite://".count))) }
        }
        return .sqliteFile(defaultSQLitePath)
    }
}
