import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor
import WijknetStore

/// Sets up an application the same way for the server, the commands and the tests.
public func configure(_ app: Application, _ config: WijknetConfig) async throws {
    app.storage[ConfigKey.self] = config
    try useDatabase(app, config.storage)
    app.migrations.add(WijknetMigrations.all)
    app.migrations.add(SessionRecord.migration)

    app.sessions.use(.fluent)
    let secure = config.secureCookies
    app.sessions.configuration = SessionsConfiguration(cookieName: "wijknet-sessie") { id in
        HTTPCookies.Value(string: id.string, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .strict)
    }
    app.passwords.use(.bcrypt)
    // Room for a long description, with a clear limit above it (413 rather than a dropped connection).
    app.routes.defaultMaxBodySize = "256kb"

    app.middleware = Middlewares()
    app.middleware.use(ErrorResponder(environment: app.environment))
    app.middleware.use(SecurityHeaders())
    try routes(app)
}

private func useDatabase(_ app: Application, _ storage: WijknetConfig.Storage) throws {
    switch storage {
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .sqliteFile(let path):
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .postgres(let url):
        app.databases.use(try .postgres(url: url), as: .psql)
    }
}

struct ConfigKey: StorageKey {
    typealias Value = WijknetConfig
}

extension Application {
    var wijknetConfig: WijknetConfig { storage[ConfigKey.self] ?? WijknetConfig(storage: .sqliteMemory) }
}
