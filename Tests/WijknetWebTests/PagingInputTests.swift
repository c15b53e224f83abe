import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetWeb

extension AppTests {
    /// Issue 12, point 1: a page number near Int.max made `(page - 1) * perPage` overflow, Swift
    /// trapped and the whole server stopped. Every paging route, API and page, now refuses it.
    @Suite struct PagingInputTests {
        static let hostile = ["9223372036854775807", "-9223372036854775808", "0", "-5", "99999999999999999999"]

        @Test func everyPagingRouteRefusesOutOfRangePages() async throws {
            try await withApp { app, _ in
                let coach = try await token(app, "coach.noordwest")
                let auditor = try await token(app, "auditor")
                let api: [(String, HTTPHeaders)] = [("/api/v1/requests", coach), ("/api/v1/figures/K1/requests?period=2026", coach),
                                                    ("/api/v1/audit", auditor)]
                for (path, headers) in api {
                    for value in Self.hostile {
                        for name in ["page", "perPage"] {
                            let url = path + (path.contains("?") ? "&" : "?") + "\(name)=\(value)"
                            try await app.testing().test(.GET, url, headers: headers) { res in
                                #expect(res.status == .unprocessableEntity, "\(url)")
                                #expect(res.headers.contentType == Problem.contentType)
                                #expect((object(res)["errors"] as? [[String: Any]])?.first?["field"] as? String == name)
                            }
                        }
                    }
                }
                let coachPages = try await PageSession.signIn(app, as: "coach.noordwest")
                let auditorPages = try await PageSession.signIn(app, as: "auditor")
                for (path, session) in [("/verzoeken", coachPages), ("/cijfers/K1/verzoeken?period=2026", coachPages), ("/audit", auditorPages)] {
                    for value in Self.hostile {
                        let url = path + (path.contains("?") ? "&" : "?") + "page=\(value)"
                        let res = try await session.get(url)
                        #expect(res.status == .unprocessableEntity, "\(url)")
                        #expect(res.body.string.contains("Pagina moet een geheel getal van 1 tot en met 100.000 zijn."), "\(url)")
                    }
                }
                // Still serving, and an ordinary page works.
                try await app.testing().test(.GET, "/api/v1/requests?page=2&perPage=10", headers: coach) { res in
                    #expect(res.status == .ok)
                    #expect(object(res)["page"] as? Int == 2 && object(res)["perPage"] as? Int == 10)
                }
            }
        }
    }
}
