import Fluent
import FluentPostgresDriver
import Foundation
import Logging
import NIOPosix
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// What the operator and the load balancer read (issue 16): `/health`, `/ready`, `/metrics`,
    /// and the request log. None of it holds a record, an id or a name.
    @Suite struct OperationsTests {
        static let metricsToken = String(repeating: "m", count: 40)

        struct NotYetRun: AsyncMigration {
            func prepare(on database: any Database) async throws {}
            func revert(on database: any Database) async throws {}
        }

        @Test func healthAndReadinessSayWhatIsWrongWithoutASession() async throws {
            try await withApp { app, _ in
                try await KeyCheck.verify(app.vault, on: app.db)
                try await app.testing().test(.GET, "/health") { res in
                    #expect(res.status == .ok)
                    #expect(object(res)["status"] as? String == "ok")
                    #expect(res.headers[.setCookie].isEmpty, "no session for a probe")
                }
                try await app.testing().test(.GET, "/ready") { res in
                    #expect(res.status == .ok)
                    #expect(object(res) as? [String: String] == ["status": "ready", "database": "ok", "migrations": "ok", "key": "ok"])
                }
                // A key that does not fit the data: not ready, come back later.
                app.storage[VaultKey.self] = try BSNVault(base64: BSNVault.newKey())
                try await app.testing().test(.GET, "/ready") { res in
                    #expect(res.status == .serviceUnavailable)
                    #expect(res.headers.first(name: .retryAfter) == "5")
                    #expect(object(res) as? [String: String] == ["status": "not ready", "database": "ok", "migrations": "ok", "key": "wrong"])
                }
                // A migration not yet run: the key is checked against a current schema only.
                app.migrations.add(NotYetRun())
                try await app.testing().test(.GET, "/ready") { res in
                    #expect(res.status == .serviceUnavailable)
                    #expect(object(res) as? [String: String] == ["status": "not ready", "database": "ok", "migrations": "pending", "key": "unchecked"])
                }
            }
        }

        @Test func metricsCountByRoutePatternForTheirTokenOnly() async throws {
            try await withApp { app, world in
                try await app.testing().test(.GET, "/metrics") { res in #expect(res.status == .notFound, "no token configured") }
                app.storage[ConfigKey.self]!.metricsToken = Self.metricsToken
                let coach = try await token(app, "coach.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                try await app.testing().test(.GET, "/api/v1/requests/\(id)", headers: coach) { res in #expect(res.status == .ok) }
                try await app.testing().test(.GET, "/geen-pagina") { _ in }
                for wrong in [nil, "x", String(repeating: "n", count: 40)] {
                    var headers = HTTPHeaders()
                    if let wrong { headers.bearerAuthorization = BearerAuthorization(token: wrong) }
                    try await app.testing().test(.GET, "/metrics", headers: headers) { res in #expect(res.status == .unauthorized) }
                }
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: Self.metricsToken)
                try await app.testing().test(.GET, "/metrics", headers: headers) { res in
                    #expect(res.status == .ok)
                    #expect(res.headers.first(name: .contentType)?.hasPrefix("text/plain; version=0.0.4") == true)
                    let text = res.body.string
                    #expect(text.contains(#"wijknet_http_requests_total{method="GET",route="/api/v1/requests/:id",status="200"} 1"#))
                    #expect(text.contains(#"wijknet_http_requests_total{method="POST",route="/api/v1/requests",status="201"} 1"#))
                    #expect(text.contains(#"wijknet_http_requests_total{method="GET",route="unmatched",status="404"} 1"#))
                    #expect(text.contains(#"wijknet_http_request_duration_seconds_count{method="GET",route="/api/v1/requests/:id"} 1"#))
                    #expect(text.contains(#"wijknet_rate_limit_refusals_total{limit="api"} 0"#))
                    #expect(text.contains("wijknet_audit_entries "))
                    #expect(text.contains("wijknet_figures_stale_areas 1"), "the new request's area waits for its recount")
                    #expect(!text.contains(id), "no id in the metrics")
                }
            }
        }

        @Test func refusalsForComingTooFastAreCounted() async throws {
            try await withApp(apiRequestsPerMinute: 10) { app, _ in
                app.storage[ConfigKey.self]!.metricsToken = Self.metricsToken
                for _ in 0..<12 { try await app.testing().test(.GET, "/api/v1/openapi.json") { _ in } }
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: Self.metricsToken)
                try await app.testing().test(.GET, "/metrics", headers: headers) { res in
                    #expect(res.body.string.contains(#"wijknet_rate_limit_refusals_total{limit="api"} 2"#))
                }
            }
        }

        @Test func aJSONLogLineIsOneObjectWithTheRequestsFields() throws {
            var handler = JSONLineLogHandler(label: "codes.vapor.request", level: .info)
            handler[metadataKey: "request-id"] = "abc"
            let data = handler.line(level: .info, message: "request", metadata: ["route": "/verzoeken/:id", "status": "200"],
                                    at: Date(timeIntervalSince1970: 1_800_000_000))
            #expect(data.last == UInt8(ascii: "\n") && !data.dropLast().contains(UInt8(ascii: "\n")))
            let fields = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
            #expect(fields == ["time": "2027-01-15T08:00:00Z", "level": "info", "label": "codes.vapor.request", "message": "request",
                               "request-id": "abc", "route": "/verzoeken/:id", "status": "200"])
            #expect(throws: WijknetConfig.Missing.self) { try JSONLineLogHandler.wanted(environment: ["WIJKNET_LOG_FORMAT": "xml"]) }
            #expect(try JSONLineLogHandler.wanted(environment: ["WIJKNET_LOG_FORMAT": "json"]))
        }
    }
}

extension AppTests.OperationsTests {
    /// The figures' recount runs on one instance at a time (issue 16): the lease goes to one of
    /// two instances asking at once, stays with its holder, and passes on once it runs out.
    @Test func theRecountsLeaseGoesToOneInstanceAtATime() async throws {
        try await withApp { app, _ in
            let now = Date()
            async let first = JobLease.take("figures", holder: "a", for: 60, on: app.db, now: now)
            async let second = JobLease.take("figures", holder: "b", for: 60, on: app.db, now: now)
            let (a, b) = try await (first, second)
            #expect(a != b, "exactly one of two instances at the same moment")
            let holder = a ? "a" : "b", other = a ? "b" : "a"
            #expect(try await JobLease.take("figures", holder: holder, for: 60, on: app.db, now: now.addingTimeInterval(30)))
            #expect(!(try await JobLease.take("figures", holder: other, for: 60, on: app.db, now: now.addingTimeInterval(60))))
            // The holder stopped renewing: after its lease ran out the other takes over.
            #expect(try await JobLease.take("figures", holder: other, for: 60, on: app.db, now: now.addingTimeInterval(91)))
            #expect(try await JobLease.rounds("figures", on: app.db) == 3)
        }
    }
}

extension AppTests.OperationsTests {
    /// Issue 16: when the database goes away every answer is 503 with Retry-After (never a 500,
    /// never a wrong answer), `/ready` says so, and once it is back the same instance answers again.
    @Test func aDatabaseThatGoesAwayGives503UntilItIsBack() async throws {
        try await withApp { app, _ in
            app.storage[ConfigKey.self]!.metricsToken = Self.metricsToken
            let coach = try await token(app, "coach.noordwest")
            let working: DatabaseID = ProcessInfo.processInfo.environment["DATABASE_URL"] == nil ? .sqlite : .psql
            // A PostgreSQL on a port where nothing listens stands for a database that stopped.
            let gone = DatabaseID(string: "gone")
            app.databases.use(.postgres(configuration: .init(hostname: "127.0.0.1", port: try await Self.closedPort(), username: "wijknet",
                                                             password: "wijknet", database: "wijknet", tls: .disable)), as: gone)
            app.databases.default(to: gone)
            try await app.testing().test(.GET, "/api/v1/requests", headers: coach) { res in
                #expect(res.status == .serviceUnavailable)
                #expect(res.headers.first(name: .retryAfter) == "5")
                #expect(res.headers.contentType == Problem.contentType)
                #expect(object(res)["title"] as? String == "Even niet beschikbaar")
            }
            try await app.testing().test(.POST, "/inloggen", beforeRequest: { req in
                try req.content.encode(["username": "coach.noordwest", "password": DemoPassword.value], as: .urlEncodedForm)
            }) { res in
                #expect(res.status == .serviceUnavailable)
                #expect(res.body.string.contains("De database van Wijknet antwoordt even niet."))
            }
            try await app.testing().test(.GET, "/ready") { res in
                #expect(res.status == .serviceUnavailable)
                #expect(object(res) as? [String: String] == ["status": "not ready", "database": "unreachable"])
            }
            let counted = app.metrics.render(gauges: [])
            #expect(counted.contains(#"wijknet_database_trouble_total{kind="unavailable"} 2"#), "\(counted)")

            // Back: the same instance answers without a restart.
            app.databases.default(to: working)
            try await app.testing().test(.GET, "/api/v1/requests", headers: coach) { res in #expect(res.status == .ok) }
            try await app.testing().test(.GET, "/ready") { res in #expect(res.status == .ok) }
        }
    }

    /// A port that was free a moment ago: bound by the system's choice, then closed.
    static func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        return port
    }
}
