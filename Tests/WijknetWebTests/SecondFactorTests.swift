import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// The second factor (issue 15): enrolment by QR code, sign-in with a code from the app or a
    /// recovery code, each once; required for the roles that reach personal data when the
    /// municipality says so; reset by an administrator.
    @Suite struct SecondFactorTests {
        /// Enrols `username` through the pages; returns the secret and the recovery codes.
        static func enrol(_ app: Application, _ page: PageSession, _ username: String) async throws -> (secret: [UInt8], codes: [String]) {
            let html = try await page.get("/account/tweede-factor").body.string
            #expect(html.contains("<svg") && html.contains("QR-code"))
            let grouped = try #require(html.range(of: "<code class=\"secret\">").flatMap { start in
                html[start.upperBound...].range(of: "</code>").map { String(html[start.upperBound..<$0.lowerBound]) }
            })
            let secret = try #require(Base32.decode(grouped))
            // A wrong code first: nothing is switched on.
            let wrong = try await page.post("/account/tweede-factor", ["code": "000000"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(try await User.query(on: app.db).filter(\.$username == username).first()?.hasSecondFactor == false)
            let now = TOTP.step(at: Date())
            let done = try await page.post("/account/tweede-factor", ["code": TOTP.code(secret: secret, step: now)])
            #expect(done.status == .ok)
            let body = done.body.string
            let codes = body.components(separatedBy: "<li><code>").dropFirst().compactMap { $0.components(separatedBy: "</code>").first }
            #expect(codes.count == 10)
            return (secret, codes)
        }

        @Test func aCoachSetsUpTheAppAndSignsInWithACodeOnce() async throws {
            try await withApp { app, _ in
                let page = try await PageSession.signIn(app, as: "coach.noordwest")
                let (secret, codes) = try await Self.enrol(app, page, "coach.noordwest")
                let user = try #require(try await User.query(on: app.db).filter(\.$username == "coach.noordwest").first())
                #expect(user.hasSecondFactor && user.totpSecret?.contains(Base32.encode(secret)) == false, "the secret is sealed")

                // The password alone signs in no one.
                let next = PageSession(app)
                _ = try await next.get("/inloggen")
                let half = try await next.post("/inloggen", ["username": "coach.noordwest", "password": DemoPassword.value])
                #expect(half.status == .ok && half.body.string.contains("Code invullen"))
                #expect(try await next.get("/verzoeken").status == .seeOther)
                // A wrong code is refused and logged.
                let wrong = try await next.post("/inloggen/code", ["code": "123456"])
                #expect(wrong.status == .unauthorized)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == AuditAction.signInFailed.rawValue).count() == 1)
                // The code the enrolment used is spent; the app's next one (a clock a step ahead) works, once.
                let step = TOTP.step(at: Date())
                #expect(try await next.post("/inloggen/code", ["code": TOTP.code(secret: secret, step: step)]).status == .unauthorized)
                let ahead = TOTP.code(secret: secret, step: step + 1)
                #expect(try await next.post("/inloggen/code", ["code": ahead]).status == .seeOther)
                #expect(try await next.get("/verzoeken").status == .ok)

                let again = PageSession(app)
                _ = try await again.get("/inloggen")
                _ = try await again.post("/inloggen", ["username": "coach.noordwest", "password": DemoPassword.value])
                #expect(try await again.post("/inloggen/code", ["code": ahead]).status == .unauthorized, "a code works once")
                // A recovery code, as people type it, works once too.
                let recovery = codes[0].uppercased().replacingOccurrences(of: "-", with: " ")
                #expect(try await again.post("/inloggen/code", ["code": recovery]).status == .seeOther)
                let third = PageSession(app)
                _ = try await third.get("/inloggen")
                _ = try await third.post("/inloggen", ["username": "coach.noordwest", "password": DemoPassword.value])
                #expect(try await third.post("/inloggen/code", ["code": codes[0]]).status == .unauthorized)

                // The API asks for the code as well. (Every try above counted towards the name's
                // slow-down, SignInSecurityTests' subject; this part starts afresh.)
                try await SignInAttempts.reset("coach.noordwest", on: app.db)
                try await app.testing().test(.POST, "/api/v1/tokens", beforeRequest: { req in
                    try req.content.encode(["username": "coach.noordwest", "password": DemoPassword.value, "name": "t"])
                }) { res in #expect(res.status == .unauthorized) }
                try await app.testing().test(.POST, "/api/v1/tokens", beforeRequest: { req in
                    try req.content.encode(["username": "coach.noordwest", "password": DemoPassword.value, "name": "t", "code": codes[1]])
                }) { res in #expect(res.status == .created) }
            }
        }

        @Test func whereRequiredTheRolesThatSeePersonalDataEnrolFirst() async throws {
            try await withApp(requireSecondFactor: true) { app, _ in
                let coach = try await PageSession.signIn(app, as: "coach.noordwest")
                let blocked = try await coach.get("/verzoeken")
                #expect(blocked.status == .seeOther && blocked.headers.first(name: .location) == "/account/tweede-factor")
                #expect(try await coach.get("/account/tweede-factor").body.string.contains("verplicht"))
                try await app.testing().test(.POST, "/api/v1/tokens", beforeRequest: { req in
                    try req.content.encode(["username": "coach.noordwest", "password": DemoPassword.value, "name": "t"])
                }) { res in #expect(res.status == .forbidden) }
                _ = try await Self.enrol(app, coach, "coach.noordwest")
                #expect(try await coach.get("/verzoeken").status == .ok)
                // Figures only: a second factor is the analyst's own choice.
                let analyst = try await PageSession.signIn(app, as: "analist")
                #expect(try await analyst.get("/cijfers").status == .ok)
            }
        }

        @Test func anAdministratorResetsSomeoneElsesSecondFactor() async throws {
            try await withApp { app, _ in
                let page = try await PageSession.signIn(app, as: "coach.noordwest")
                let (secret, _) = try await Self.enrol(app, page, "coach.noordwest")
                let coach = try #require(try await User.query(on: app.db).filter(\.$username == "coach.noordwest").first())
                #expect(try await RecoveryCode.query(on: app.db).count() == 10)

                // A key rotation keeps the app working.
                let new = try BSNVault(base64: BSNVault.newKey())
                _ = try await BSNKeyRotation(db: app.db).rotate(from: app.vault, to: new)
                let step = TOTP.step(at: Date()) + 1
                #expect(try await SecondFactors(db: app.db, vault: new).verify(try #require(try await User.find(coach.id, on: app.db)),
                                                                               code: TOTP.code(secret: secret, step: step)))

                let admin = try await token(app, "beheer")
                try await app.testing().test(.POST, "/api/v1/accounts/\(coach.id!)/second-factor/reset", headers: admin) { res in
                    #expect(res.status == .noContent)
                }
                #expect(try await User.find(coach.id, on: app.db)?.hasSecondFactor == false)
                #expect(try await RecoveryCode.query(on: app.db).count() == 0)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$purpose == "Tweede factor teruggezet door beheerder").count() == 1)
                let me = try #require(try await User.query(on: app.db).filter(\.$username == "beheer").first())
                try await app.testing().test(.POST, "/api/v1/accounts/\(me.id!)/second-factor/reset", headers: admin) { res in
                    #expect(res.status == .unprocessableEntity)
                }
                try await app.testing().test(.POST, "/api/v1/accounts/\(coach.id!)/second-factor/reset", headers: try await token(app, "coach.noordwest")) { res in
                    #expect(res.status == .forbidden)
                }
            }
        }
    }
}
