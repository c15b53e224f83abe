import Fluent
import Vapor
import WijknetStore

/// For the operator and the load balancer, outside sessions and the API: `/health` (the process
/// answers), `/ready` (the database answers, its schema is current and the key fits it) and
/// `/metrics` (Prometheus, behind `WIJKNET_METRICS_TOKEN`). None of them shows a record.
enum OperationsRoutes {
    @Sendable static func health(req: Request) async throws -> Response {
        json(["status": "ok"], status: .ok)
    }

    @Sendable static func ready(req: Request) async throws -> Response {
        var checks: [String: String] = ["database": "ok", "migrations": "ok", "key": "ok"]
        do {
            try await req.db.sql().raw("SELECT 1").run()
            // A schema whose migrations cannot even be listed is not current either; the key is
            // checked against a current schema only.
            let pending = try? await req.application.migrator.previewPrepareBatch().get()
            if pending?.isEmpty != true {
                checks["migrations"] = "pending"
                checks["key"] = "unchecked"
            } else if (try? await KeyCheck.fits(req.application.vault, on: req.db)) != true {
                checks["key"] = "wrong"
            }
        } catch {
            checks = ["database": "unreachable"]
        }
        let ready = checks.values.allSatisfy { $0 == "ok" }
        let response = json(checks.merging(["status": ready ? "ready" : "not ready"]) { $1 }, status: ready ? .ok : .serviceUnavailable)
        if !ready { response.headers.replaceOrAdd(name: .retryAfter, value: "5") }
        return response
    }

    @Sendable static func metrics(req: Request) async throws -> Response {
        // Without a token configured the address does not exist; with one, only its bearer reads.
        guard let token = req.application.wijknetConfig.metricsToken else { throw Abort(.notFound) }
        guard let given = req.headers.bearerAuthorization?.token, TokenHash.of(given) == TokenHash.of(token) else {
            // Answered here: a thrown 401 outside the API would become the sign-in page.
            let response = Response(status: .unauthorized)
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer")
            return response
        }
        let figures = try await OperationalFigures.read(on: req.db)
        let rounds = try await JobLease.rounds("figures", on: req.db)
        var gauges: [(name: String, help: String, labels: String, value: Double)] = [
            ("wijknet_audit_entries", "Entries in the audit log (all instances).", "", Double(figures.auditEntries)),
            ("wijknet_figures_stale_areas", "Areas whose figures wait to be recounted (the recount's lag).", "", Double(figures.staleAreas)),
            ("wijknet_outbox_waiting", "E-mails waiting to be sent.", "", Double(figures.outboxWaiting)),
            ("wijknet_recount_rounds", "Rounds of the background recount, all instances together (one at a time).", "", Double(rounds)),
        ]
        if let queued = await WriteGate.queued(on: req.db) {
            gauges.append(("wijknet_sqlite_write_queue", "Write transactions running or waiting for SQLite's one writer (this instance).", "", Double(queued)))
        }
        let text = req.application.metrics.render(gauges: gauges)
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return response
    }

    private static func json(_ fields: [String: String], status: HTTPResponseStatus) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data("{}".utf8)
        let response = Response(status: status, body: .init(data: data))
        response.headers.contentType = .json
        return response
    }
}
