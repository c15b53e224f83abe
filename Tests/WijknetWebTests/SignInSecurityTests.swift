import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// Issue 12, points 2, 5, 6 and 7: the sign-in could be raced, told which accounts exist, let
    /// anyone lock anyone out, kept a planted session id, and left no trace of refused attempts.
    @Suite struct SignInSecurityTests {
        static func signIn(_ app: Application, _ username: String, _ password: String) async throws -> (status: UInt, detail: String) {
            var result: (UInt, String) = (0, "")
            try await app.testing().test(.POST, "/api/v1/tokens", beforeRequest: { req in
                try req.content.encode(["username": username, "password": password, "name": "test"])
            }) { res in
                result = (res.status.code, object(res)["detail"] as? String ?? "")
            }
            return result
        }

        static func entries(_ app: Application, _ action: AuditAction) async throws -> [AuditEntry] {
            try await AuditEntry.query(on: app.db).filter(\.$action == action.rawValue).sort(\.$seq).all()
        }

        /// The claim is one atomic statement: a hundred at the same moment get exactly the free
        /// attempts and the first that starts the wait, never more.
        @Test func aHundredSimultaneousClaimsGetExactlyTheAllowedChecks() async throws {
            try await withApp { app, _ in
                // setup
                let now = Date()
                // MUT
                let claims = try await withThrowingTaskGroup(of: SignInAttempts.Claim.self) { group in
                    for _ in 0..<100 { group.addTask { try await SignInAttempts.claim("coach.noordwest", now: now, on: app.db) } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                // validate
                #expect(claims.filter { $0 == .granted }.count == SignInBackoff.freeAttempts + 1)
                #expect(try await SignInAttempts.claim("coach.noordwest", now: now.addingTimeInterval(0.5), on: app.db) == .wait(seconds: 1))
                #expect(try await SignInAttempts.claim("coach.noordwest", now: now.addingTimeInterval(1), on: app.db) == .granted)
                #expect(try await SignInAttempts.claim("coach.noordwest", now: now.addingTimeInterval(2), on: app.db) == .wait(seconds: 1))
                #expect(try await SignInAttempts.claim("Coach.Noordwest ", now: now.addingTimeInterval(3), on: app.db) == .granted, "one name, however typed")
                // A success starts from zero again.
                try await SignInAttempts.reset("coach.noordwest", on: app.db)
                #expect(try await SignInAttempts.claim("coach.noordwest", now: now.addingTimeInterval(3), on: app.db) == .granted)
            }
        }

        /// 120 simultaneous wrong passwords were all checked and the right one then worked.
        @Test func aHundredConcurrentWrongPasswordsGetOnlyAFewChecks() async throws {
            try await withApp { app, _ in
                // MUT
                let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                    for i in 0..<100 { group.addTask { try await Self.signIn(app, "coach.noordwest", "fout-\(i)").status } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                // validate: every guess refused, and at most a handful actually checked (the free
                // attempts, plus one per second the burst took).
                #expect(statuses.allSatisfy { $0 == 401 || $0 == 429 })
                let checked = try await Self.entries(app, .signInFailed).count
                let delayed = try await Self.entries(app, .signInDelayed).count
                #expect(checked >= SignInBackoff.freeAttempts + 1 && checked <= SignInBackoff.freeAttempts + 4, "\(checked) passwords checked")
                #expect(checked + delayed == 100)
                #expect(statuses.filter { $0 == 401 }.count == checked)
            }
        }

        /// A real name and an unknown one answer alike, before and after the wait begins; nobody
        /// is locked out for a quarter of an hour by five guesses.
        @Test func unknownAndKnownNamesAnswerAlike() async throws {
            try await withApp { app, _ in
                for attempt in 1...(SignInBackoff.freeAttempts + 2) {
                    let known = try await Self.signIn(app, "coach.noordwest", "fout")
                    let unknown = try await Self.signIn(app, "niemand.bekend", "fout")
                    #expect(known == unknown, "attempt \(attempt): \(known) against \(unknown)")
                }
                let waiting = try await Self.signIn(app, "niemand.bekend", "fout")
                #expect(waiting.status == 429)
                #expect(waiting.detail.hasPrefix("Te veel pogingen achter elkaar. Probeer het over "))
                // The unknown name is not kept in the log; the known one is, for the auditor.
                let failed = try await Self.entries(app, .signInFailed)
                #expect(Set(failed.map(\.username)) == ["coach.noordwest", "(onbekende naam)"])
                #expect(failed.allSatisfy { $0.residentIDs.isEmpty && $0.subject == "sign-in" })
                #expect(try await AuditLog.verify(on: app.db).problem == nil)
            }
        }

        @Test func theRightPasswordAfterAFewMistakesWorksAndStartsAgain() async throws {
            try await withApp { app, _ in
                for _ in 1...SignInBackoff.freeAttempts { _ = try await Self.signIn(app, "coach.noordwest", "fout") }
                #expect(try await Self.signIn(app, "coach.noordwest", DemoPassword.value).status == 201)
                for _ in 1...SignInBackoff.freeAttempts { #expect(try await Self.signIn(app, "coach.noordwest", "fout").status == 401) }
            }
        }

        @Test func oneAddressIsSlowedDownAcrossNames() async throws {
            try await withApp(signInsPerMinute: 5) { app, _ in
                for name in ["a", "b", "c", "d", "e"] { #expect(try await Self.signIn(app, name, "fout").status == 401) }
                let sixth = try await Self.signIn(app, "coach.noordwest", DemoPassword.value)
                #expect(sixth.status == 429)
                // The page answers the same way, in Dutch, with the form.
                let session = PageSession(app)
                _ = try await session.get("/inloggen")
                let page = try await session.post("/inloggen", ["username": "coach.noordwest", "password": DemoPassword.value])
                #expect(page.status == .tooManyRequests)
                #expect(page.headers.first(name: .retryAfter) != nil)
                #expect(page.body.string.contains("Te veel pogingen achter elkaar"))
            }
        }

        /// A session id planted before sign-in must be worth nothing after it.
        @Test func signingInIssuesANewSessionAndToken() async throws {
            try await withApp { app, _ in
                // setup: the cookie and token an attacker could have planted
                let session = PageSession(app)
                _ = try await session.get("/inloggen")
                let planted = try #require(session.cookie)
                let plantedToken = session.csrf
                // MUT
                let res = try await session.post("/inloggen", ["username": "coach.noordwest", "password": DemoPassword.value])
                // validate
                #expect(res.status == .seeOther)
                let renewed = try #require(session.cookie)
                #expect(renewed != planted)
                _ = try await session.get("/verzoeken")
                #expect(session.csrf != plantedToken && !session.csrf.isEmpty)
                let attacker = PageSession(app)
                attacker.cookie = planted
                let probe = try await attacker.get("/verzoeken")
                #expect(probe.status == .seeOther && probe.headers.first(name: .location) == "/inloggen?terug=/verzoeken")
            }
        }

        /// The auditor sees id probing: a coach asking for another area's case leaves an entry.
        @Test func refusedAccessIsInTheAuditLog() async throws {
            try await withApp { app, world in
                // setup
                let other = try await token(app, "coach.rkv")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, other, bsn: "111222333", area: 1)
                let coach = try await token(app, "coach.noordwest")
                let partner = try await token(app, "partner.noordwest")
                // MUT
                try await app.testing().test(.GET, "/api/v1/requests/\(id)", headers: coach) { #expect($0.status == .notFound) }
                try await app.testing().test(.POST, "/api/v1/requests/\(id)/close", headers: partner) { #expect([403, 404].contains($0.status.code)) }
                let page = try await PageSession.signIn(app, as: "analist")
                #expect(try await page.get("/beheer").status == .forbidden)
                // validate
                let refused = try await Self.entries(app, .refused)
                #expect(refused.map(\.username) == ["coach.noordwest", "partner.noordwest", "analist"])
                #expect(refused[0].subject == "GET /api/v1/requests/:id" && refused[0].subjectID == id && refused[0].channel == "api")
                #expect(refused[2].subject == "GET /beheer" && refused[2].channel == "page")
                #expect(refused.allSatisfy { $0.residentIDs.isEmpty })
                // The auditor filters on them.
                let auditor = try await token(app, "auditor")
                try await app.testing().test(.GET, "/api/v1/audit?action=refused", headers: auditor) { res in
                    #expect((object(res)["items"] as? [[String: Any]])?.count == 3)
                }
                #expect(try await AuditLog.verify(on: app.db).problem == nil)
            }
        }
    }
}

extension AppTests {
    /// Issue 12, point 3: the chair saw name, birth date and address of a resident who did not
    /// consent, in the API's list and case file and on the case page.
    @Suite struct ChairPseudonymTests {
        @Test func withoutConsentTheChairSeesAPseudonymAndWithItTheName() async throws {
            try await withApp { app, world in
                // setup: a request without consent, on the meeting's agenda
                let coach = try await token(app, "coach.noordwest")
                let chair = try await token(app, "voorzitter.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: coach,
                                             beforeRequest: { try $0.content.encode(JSON(["route": "meeting"])) }) { #expect($0.status == .ok) }
                // MUT and validate: list, case file, page
                try await app.testing().test(.GET, "/api/v1/requests", headers: chair) { res in
                    let item = (object(res)["items"] as? [[String: Any]])?.first
                    #expect(item?["residentName"] == nil && item?["residentId"] == nil)
                    #expect((item?["residentPseudonym"] as? String)?.hasSuffix("jaar, St. Marten/Sonsbeek") == true)
                }
                try await app.testing().test(.GET, "/api/v1/requests/\(id)", headers: chair) { res in
                    #expect(res.status == .ok)
                    #expect(object(res)["resident"] == nil)
                    #expect(!res.body.string.contains("Jansen"))
                }
                let page = try await PageSession.signIn(app, as: "voorzitter.noordwest")
                let html = try await page.get("/verzoeken/\(id)").body.string
                #expect(html.contains("Verzoek van Inwoner (") && !html.contains("Jansen"))
                #expect(!(try await page.get("/verzoeken").body.string.contains("Jansen")))
                // The coach still works with the name.
                try await app.testing().test(.GET, "/api/v1/requests/\(id)", headers: coach) { res in
                    #expect((object(res)["resident"] as? [String: Any])?["familyName"] as? String == "Jansen")
                }
                // With consent the chair sees the name too.
                let request = try #require(try await SupportRequest.find(UUID(uuidString: id), on: app.db))
                request.consentForMeeting = true
                try await request.save(on: app.db)
                try await app.testing().test(.GET, "/api/v1/requests/\(id)", headers: chair) { res in
                    #expect((object(res)["request"] as? [String: Any])?["residentName"] as? String == "Anna Jansen")
                }
            }
        }
    }
}
