import Vapor

/// One log line and one count per request: method, route pattern, status and duration, with
/// Vapor's request id. The route pattern (`/verzoeken/:id`) stands in for the address, so no id,
/// name or search text is logged; a request that matched no route is logged as `unmatched`.
struct RequestLog: AsyncMiddleware {
    let metrics: Metrics

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next.respond(to: request)
            finish(request, status: Int(response.status.code), since: start)
            return response
        } catch {
            finish(request, status: Int((error as? any AbortError)?.status.code ?? 500), since: start)
            throw error
        }
    }

    private func finish(_ request: Request, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = Self.pattern(request)
        metrics.record(method: request.method.rawValue, route: route, status: status, seconds: seconds)
        request.logger.info("request", metadata: [
            "method": .string(request.method.rawValue), "route": .string(route), "status": .stringConvertible(status),
            "duration_ms": .string(String(format: "%.1f", seconds * 1000)),
        ])
    }

    static func pattern(_ request: Request) -> String {
        guard let route = request.route else { return "unmatched" }
        return "/" + route.path.map(\.description).joined(separator: "/")
    }
}
