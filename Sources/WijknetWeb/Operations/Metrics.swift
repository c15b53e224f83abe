import Foundation
import NIOConcurrencyHelpers
import WijknetStore

/// This instance's counters and latency histograms, written out in Prometheus's text format
/// (`GET /metrics`). Requests are counted by route pattern (`/verzoeken/:id`), never by address,
/// so no id or search text reaches the metrics.
final class Metrics: Sendable {
    struct RequestKey: Hashable, Comparable {
        let method: String
        let route: String
        let status: Int
        static func < (a: Self, b: Self) -> Bool { (a.route, a.method, a.status) < (b.route, b.method, b.status) }
    }

    struct RouteKey: Hashable, Comparable {
        let method: String
        let route: String
        static func < (a: Self, b: Self) -> Bool { (a.route, a.method) < (b.route, b.method) }
    }

    /// Upper bounds of the latency buckets, in seconds.
    static let bounds: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    struct Histogram {
        var counts = [Int](repeating: 0, count: Metrics.bounds.count)
        var total = 0
        var sum = 0.0
    }

    /// Refusals for too many requests, by what refused: `api` (per caller) or `sign-in` (per address).
    enum Refusal: String, CaseIterable { case api, signIn = "sign-in" }

    private struct State {
        var requests: [RequestKey: Int] = [:]
        var latency: [RouteKey: Histogram] = [:]
        var refusals: [Refusal: Int] = [:]
        var troubles: [DatabaseTrouble: Int] = [:]
    }

    private let state = NIOLockedValueBox(State())

    func record(method: String, route: String, status: Int, seconds: Double) {
        state.withLockedValue { state in
            state.requests[RequestKey(method: method, route: route, status: status), default: 0] += 1
            var histogram = state.latency[RouteKey(method: method, route: route)] ?? Histogram()
            for (index, bound) in Self.bounds.enumerated() where seconds <= bound { histogram.counts[index] += 1 }
            histogram.total += 1
            histogram.sum += seconds
            state.latency[RouteKey(method: method, route: route)] = histogram
        }
    }

    func refused(_ kind: Refusal) {
        state.withLockedValue { $0.refusals[kind, default: 0] += 1 }
    }

    func databaseTrouble(_ trouble: DatabaseTrouble) {
        state.withLockedValue { $0.troubles[trouble, default: 0] += 1 }
    }

    /// The exposition text; `gauges` are read from the database at the moment of asking.
    func render(gauges: [(name: String, help: String, labels: String, value: Double)]) -> String {
        let snapshot = state.withLockedValue { $0 }
        var lines: [String] = []
        lines.append("# HELP wijknet_http_requests_total Requests answered, by route pattern and status.")
        lines.append("# TYPE wijknet_http_requests_total counter")
        for (key, count) in snapshot.requests.sorted(by: { $0.key < $1.key }) {
            lines.append("wijknet_http_requests_total{method=\"\(key.method)\",route=\"\(Self.escape(key.route))\",status=\"\(key.status)\"} \(count)")
        }
        lines.append("# HELP wijknet_http_request_duration_seconds Time to answer, by route pattern.")
        lines.append("# TYPE wijknet_http_request_duration_seconds histogram")
        for (key, histogram) in snapshot.latency.sorted(by: { $0.key < $1.key }) {
            let labels = "method=\"\(key.method)\",route=\"\(Self.escape(key.route))\""
            for (index, bound) in Self.bounds.enumerated() {
                lines.append("wijknet_http_request_duration_seconds_bucket{\(labels),le=\"\(Self.number(bound))\"} \(histogram.counts[index])")
            }
            lines.append("wijknet_http_request_duration_seconds_bucket{\(labels),le=\"+Inf\"} \(histogram.total)")
            lines.append("wijknet_http_request_duration_seconds_sum{\(labels)} \(Self.number(histogram.sum))")
            lines.append("wijknet_http_request_duration_seconds_count{\(labels)} \(histogram.total)")
        }
        lines.append("# HELP wijknet_rate_limit_refusals_total Requests refused for coming too fast.")
        lines.append("# TYPE wijknet_rate_limit_refusals_total counter")
        for kind in Refusal.allCases {
            lines.append("wijknet_rate_limit_refusals_total{limit=\"\(kind.rawValue)\"} \(snapshot.refusals[kind] ?? 0)")
        }
        lines.append("# HELP wijknet_database_trouble_total Requests answered 503 because the database failed: unreachable or too slow to hand out a connection, or its disk full.")
        lines.append("# TYPE wijknet_database_trouble_total counter")
        for trouble in DatabaseTrouble.allCases {
            lines.append("wijknet_database_trouble_total{kind=\"\(trouble.rawValue)\"} \(snapshot.troubles[trouble] ?? 0)")
        }
        for gauge in gauges {
            lines.append("# HELP \(gauge.name) \(gauge.help)")
            lines.append("# TYPE \(gauge.name) gauge")
            lines.append("\(gauge.name)\(gauge.labels.isEmpty ? "" : "{\(gauge.labels)}") \(Self.number(gauge.value))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
