import Foundation
import Vapor

/// Limits how fast one caller may use the API: a token bucket per bearer token (or, without one,
/// per client address) that holds a minute's worth of requests and refills continuously. Over the
/// limit the answer is 429 with `Retry-After`, as problem+json. A stolen token cannot empty the
/// register in minutes; a busy script slows down instead of failing. The buckets live in the
/// instance's memory, so with several instances each allows the rate on its own.
struct APIRateLimit: AsyncMiddleware {
    let buckets: RateBuckets

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let wait = await buckets.take(Self.caller(request), now: Date())
        guard wait <= 0 else {
            request.application.metrics.refused(.api)
            let response = Problem(title: "Te veel verzoeken", status: 429,
                                   detail: "Je doet te veel verzoeken achter elkaar. Probeer het over \(Int(wait.rounded(.up))) seconden opnieuw.").response()
            response.headers.replaceOrAdd(name: .retryAfter, value: String(Int(wait.rounded(.up))))
            return response
        }
        return try await next.respond(to: request)
    }

    /// Who is asking: a hash of the bearer token (the token itself is not kept), else the address.
    static func caller(_ request: Request) -> String {
        if let token = request.headers.bearerAuthorization?.token {
            return "token:" + TokenHash.of(token)
        }
        return "address:" + (request.remoteAddress?.ipAddress ?? "unknown")
    }
}

/// The buckets: per caller the requests left and when that was counted.
actor RateBuckets {
    let perMinute: Int
    private var buckets: [String: (left: Double, at: Date)] = [:]

    init(perMinute: Int) { self.perMinute = perMinute }

    /// Takes one request from the caller's bucket; returns 0 when allowed, else the seconds until
    /// one request is available again.
    func take(_ caller: String, now: Date) -> Double {
        let rate = Double(perMinute) / 60
        var bucket = buckets[caller] ?? (Double(perMinute), now)
        bucket.left = min(Double(perMinute), bucket.left + now.timeIntervalSince(bucket.at) * rate)
        bucket.at = now
        defer { buckets[caller] = bucket }
        if bucket.left >= 1 {
            bucket.left -= 1
            if buckets.count > 10_000 { forgetFull(now: now) }
            return 0
        }
        return (1 - bucket.left) / rate
    }

    /// Drops buckets that have refilled completely: they are the same as no bucket.
    private func forgetFull(now: Date) {
        let rate = Double(perMinute) / 60
        buckets = buckets.filter { $0.value.left + now.timeIntervalSince($0.value.at) * rate < Double(perMinute) }
    }
}
