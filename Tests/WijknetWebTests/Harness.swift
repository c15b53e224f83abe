import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

/// The root of the app tests. Serialized, because on PostgreSQL every test shares one database.
@Suite(.serialized) struct AppTests {}

/// Runs `body` against a fresh, migrated app: SQLite in memory, or PostgreSQL when
/// `DATABASE_URL` is set (scripts/test runs the suite both ways).
/// `sqliteFile` asks for a SQLite file instead of memory (several connections, as in production).
func withApp(apiRequestsPerMinute: Int = 600, signInsPerMinute: Int = 100_000, sqliteFile: Bool = false, branding: Branding = .none,
             requireSecondFactor: Bool = false, smtp: SMTPSettings? = nil, _ body: (Application, DemoWorld) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("wijknet-test-\(UUID().uuidString).sqlite").path
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
    do {
        let storage = WijknetConfig.storage(databaseURL: ProcessInfo.processInfo.environment["DATABASE_URL"]
                                            ?? (sqliteFile ? "sqlite://\(file)" : "sqlite::memory:"))
        try await configure(app, WijknetConfig(storage: storage, bsnKey: BSNVault.newKey(), demo: true, secureCookies: false,
                                               apiRequestsPerMinute: apiRequestsPerMinute, signInsPerMinute: signInsPerMinute, branding: branding,
                                               requireSecondFactor: requireSecondFactor, smtp: smtp))
        // Cheap hashes: the tests check the flow, not bcrypt's cost.
        app.passwords.use(.bcrypt(cost: 4))
        try await app.autoRevert().get()
        try await app.autoMigrate().get()
        let world = try await DemoWorld.create(on: app.db, passwordHash: try Bcrypt.hash(DemoPassword.value, cost: 4))
        try await body(app, world)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

/// Signs in through the API and returns the bearer header.
func token(_ app: Application, _ username: String) async throws -> HTTPHeaders {
    var token = ""
    try await app.testing().test(.POST, "/api/v1/tokens", beforeRequest: { req in
        try req.content.encode(["username": username, "password": DemoPassword.value, "name": "test"])
    }, afterResponse: { res in
        #expect(res.status == .created)
        token = try res.content.decode(IssuedTokenDTOProbe.self).token
    })
    var headers = HTTPHeaders()
    headers.bearerAuthorization = BearerAuthorization(token: token)
    return headers
}

struct IssuedTokenDTOProbe: Codable { let token: String }

/// Lets time pass until the meeting a request is on: its date becomes today, so the meeting has
/// been held and its decision may be recorded.
func holdMeeting(of requestID: String, _ app: Application) async throws {
    let item = try #require(try await AgendaItem.query(on: app.db).filter(\.$request.$id == UUID(uuidString: requestID)!).with(\.$meeting).first())
    item.meeting.date = CalendarDate.today().description
    try await item.meeting.save(on: app.db)
}

/// A JSON body for the API tests.
struct JSON: Content {
    let value: [String: AnyCodable]
    init(_ value: [String: Any]) { self.value = value.mapValues(AnyCodable.init) }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
    init(from decoder: any Decoder) throws { value = try [String: AnyCodable](from: decoder) }
}

struct AnyCodable: Codable, @unchecked Sendable {
    let value: Any
    init(_ value: Any) { self.value = value }
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let v = try? c.decode(Bool.self) { value = v } else if let v = try? c.decode(Double.self) { value = v }
        else if let v = try? c.decode(String.self) { value = v } else if let v = try? c.decode([AnyCodable].self) { value = v.map(\.value) }
        else if let v = try? c.decode([String: AnyCodable].self) { value = v.mapValues(\.value) } else { value = NSNull() }
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch value {
        case let v as Bool: try c.encode(v)
        case let v as Int: try c.encode(v)
        case let v as Double: try c.encode(v)
        case let v as String: try c.encode(v)
        case let v as [Any]: try c.encode(v.map(AnyCodable.init))
        case let v as [String: Any]: try c.encode(v.mapValues(AnyCodable.init))
        default: try c.encodeNil()
        }
    }
}

/// Reads a JSON response as a dictionary.
func object(_ res: TestingHTTPResponse) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(buffer: res.body))) as? [String: Any] ?? [:]
}

/// The field names of a problem+json response.
func problemFields(_ res: TestingHTTPResponse) -> [String] {
    ((object(res)["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }
}
