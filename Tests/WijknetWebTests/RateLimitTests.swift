import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetWeb

/// The token bucket on its own, with the clock in the test's hand.
@Suite struct RateBucketTests {
    @Test func aMinutesWorthAtOnceThenOneAsItRefills() async {
        let buckets = RateBuckets(perMinute: 60)
        let start = Date(timeIntervalSince1970: 1_000_000)
        for _ in 0..<60 { #expect(await buckets.take("a", now: start) == 0) }
        let wait = await buckets.take("a", now: start)
        #expect(abs(wait - 1) < 1e-9, "one request a second refills")
        #expect(await buckets.take("b", now: start) == 0, "another caller has their own bucket")
        #expect(await buckets.take("a", now: start.addingTimeInterval(1)) == 0)
        #expect(await buckets.take("a", now: start.addingTimeInterval(1)) > 0)
        // After a quiet minute the bucket is full again, and no fuller.
        let later = start.addingTimeInterval(600)
        for _ in 0..<60 { #expect(await buckets.take("a", now: later) == 0) }
        #expect(await buckets.take("a", now: later) > 0)
    }
}

extension AppTests {
    @Suite struct APIRateLimitTests {
        @Test func aCallerOverTheLimitWaitsWithAClearAnswer() async throws {
            try await withApp(apiRequestsPerMinute: 10) { app, world in
                // setup: two tokens (signing in is itself a request from this address)
                let coach = try await token(app, "coach.noordwest")
                let analyst = try await token(app, "analist")
                // MUT: ten requests pass, the eleventh waits
                for _ in 0..<10 {
                    try await app.testing().test(.GET, "/api/v1/me", headers: coach) { #expect($0.status == .ok) }
                }
                try await app.testing().test(.GET, "/api/v1/me", headers: coach) { res in
                    // validate
                    #expect(res.status == .tooManyRequests)
                    #expect(res.headers.contentType == HTTPMediaType(type: "application", subType: "problem+json"))
                    #expect(Int(res.headers.first(name: .retryAfter) ?? "") ?? 0 >= 1)
                    #expect((object(res)["detail"] as? String)?.hasPrefix("Je doet te veel verzoeken") == true)
                }
                // Another token is not held back.
                try await app.testing().test(.GET, "/api/v1/me", headers: analyst) { #expect($0.status == .ok) }
            }
        }
    }
}
