import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import ProgrammeStore
import Vapor
import WijknetStore

/// Sets up an application the same way for the server, the commands and the tests.
public func configure(_ app: Application, _ config: WijknetConfig) async throws {
    app.storage[ConfigKey.self] = config
    app.storage[VaultKey.self] = try BSNVault(base64: config.bsnKey)
    app.storage[SignInBucketsKey.self] = RateBuckets(perMinute: config.signInsPerMinute)
    app.storage[MetricsKey.self] = Metrics()
    app.storage[OIDCProviderKey.self] = config.sso.map(OIDCProvider.init(settings:))
    // Calls to other servers (the identity provider) give up rather than hold a sign-in for long,
    // and go only where they were sent: a redirect is an answer, not an address to follow.
    app.http.client.configuration.timeout = .init(connect: .seconds(5), read: .seconds(15))
    app.http.client.configuration.redirectConfiguration = .disallow
    try useDatabase(app, config.storage)
    app.migrations.add(WijknetMigrations.all)
    app.migrations.add(SessionRecord.migration)
    app.migrations.add(ProgrammeMigrations.all)

    app.sessions.use(.fluent)
    let secure = config.secureCookies
    app.sessions.configuration = SessionsConfiguration(cookieName: "wijknet-sessie") { id in
        HTTPCookies.Value(string: id.string, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .strict)
    }
    app.passwords.use(.bcrypt)
    // Room for a long description, with a clear limit above it (413 rather than a dropped connection).
    app.routes.defaultMaxBodySize = "256kb"

    app.lifecycle.use(KeyCheckOnBoot())
    // Tests ask for recounts and e-mails themselves, at moments they choose.
    if app.environment != .testing {
        app.lifecycle.use(FigureRefresher.make(interval: .seconds(Int64(config.recountSeconds))))
        if config.smtp != nil { app.lifecycle.use(OutboxSender.make()) }
    }

    app.middleware = Middlewares()
    app.middleware.use(RequestLog(metrics: app.metrics))
    app.middleware.use(ErrorResponder(environment: app.environment))
    app.middleware.use(SecurityHeaders())
    try routes(app)
}

private func useDatabase(_ app: Application, _ storage: WijknetConfig.Storage) throws {
    switch storage {
    case .sqliteMemory:
        app.databases.use(SerialSQLiteWrites.sqlite(.memory), as: .sqlite)
    case .sqliteFile(let path):
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        app.databases.use(SerialSQLiteWrites.sqlite(.file(path)), as: .sqlite)
        app.lifecycle.use(SQLiteWriteAheadLog())
    case .postgres(let url):
        app.databases.use(try .postgres(url: url), as: .psql)
    }
}

struct MetricsKey: StorageKey {
    typealias Value = Metrics
}

struct OIDCProviderKey: StorageKey {
    typealias Value = OIDCProvider?
}

struct ConfigKey: StorageKey {
    typealias Value = WijknetConfig
}

/// Refuses to start with a key that does not fit the data. Before the first migration there is
/// nothing to check yet; `migrate` and `--demo` check right after migrating.
struct KeyCheckOnBoot: LifecycleHandler {
    func didBootAsync(_ app: Application) async throws {
        do {
            try await KeyCheck.verify(app.vault, on: app.db)
        } catch let error as BSNVault.KeyError {
            throw error
        } catch {
            app.logger.notice("key check skipped: the schema is not migrated yet")
        }
    }
}

/// Switches a SQLite file to write-ahead logging (a setting stored in the file): readers no
/// longer wait for a writer, and a commit costs one sync instead of several. Every request that
/// shows personal data commits an audit entry, so this is on the hot path.
struct SQLiteWriteAheadLog: LifecycleHandler {
    func didBootAsync(_ app: Application) async throws {
        try await app.db.sql().raw("PRAGMA journal_mode=WAL").run()
    }
}

struct VaultKey: StorageKey {
    typealias Value = BSNVault
}

struct SignInBucketsKey: StorageKey {
    typealias Value = RateBuckets
}

extension Application {
    public var wijknetConfig: WijknetConfig { storage[ConfigKey.self]! }

    /// The BSN vault, set by `configure`.
    public var vault: BSNVault { storage[VaultKey.self]! }

    /// Sign-in attempts per address, in this instance's memory.
    var signInBuckets: RateBuckets { storage[SignInBucketsKey.self]! }

    /// This instance's request counts and latencies (`/metrics`).
    var metrics: Metrics { storage[MetricsKey.self]! }

    /// The identity provider, when single sign-on is on.
    var oidcProvider: OIDCProvider? { storage[OIDCProviderKey.self] ?? nil }
}
