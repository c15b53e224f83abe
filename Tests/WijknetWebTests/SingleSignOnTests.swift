import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// Single sign-on with OpenID Connect (issue 15), against a real provider: authlib's server,
    /// which scripts/test starts on loopback (scripts/oidc-provider.py, people from
    /// scripts/oidc-users.json). Each of its faults (a token signed with another key, for another
    /// client, expired, with the nonce of an earlier sign-in) must be refused, and logged.
    @Suite struct SingleSignOnTests {
        /// Where the test provider listens; nil (and the tests that need it skipped) without it.
        static var provider: (issuer: String, clientID: String, secret: String)? {
            let env = ProcessInfo.processInfo.environment
            guard let issuer = env["WIJKNET_TEST_OIDC_ISSUER"], let id = env["WIJKNET_TEST_OIDC_CLIENT_ID"],
                  let secret = env["WIJKNET_TEST_OIDC_CLIENT_SECRET"] else { return nil }
            return (issuer, id, secret)
        }

        static func skipped(_ test: String) {
            print("SingleSignOnTests.\(test): skipped, no test identity provider (scripts/test starts one: WIJKNET_TEST_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET)")
        }

        /// The registered address the provider sends the browser back to in these tests.
        static let redirectURL = "http://wijknet.test/inloggen/sso/terug"

        /// Switches single sign-on on for an app already made: the mapping needs the world's ids.
        static func useSSO(_ app: Application, _ world: DemoWorld, localPasswords: Bool = true) throws {
            guard let provider else { return }
            let area = world.areas[0]
            let mapping = SSOGroupMapping(grants: [
                "wijkteam-noordwest": .init(role: .coach, areaId: area.id),
                "zorgaanbieder-zah": .init(role: .partner, organisationId: area.wmoProviders[0]),
                "functioneel-beheer": .init(role: .admin),
            ])
            let settings = OIDCSettings(issuer: provider.issuer, clientID: provider.clientID, clientSecret: provider.secret,
                                        redirectURL: redirectURL, mapping: mapping, localPasswords: localPasswords)
            app.storage[ConfigKey.self]!.sso = settings
            app.storage[OIDCProviderKey.self] = OIDCProvider(settings: settings)
        }

        /// Spoils the provider's next ID token (`signature`, `audience`, `expired`, `nonce`).
        static func fault(_ app: Application, _ name: String) async throws {
            let res = try await app.client.post(URI(string: provider!.issuer + "/test/fault")) { try $0.content.encode(["fault": name]) }
            #expect(res.status == .noContent)
        }

        /// The browser's way: Wijknet's sign-in button, the provider's page (as `username`), and
        /// back. Returns the answer of Wijknet's return address, and the address itself.
        @discardableResult
        static func signIn(_ session: PageSession, as username: String) async throws -> (TestingHTTPResponse, String) {
            let start = try await session.get("/inloggen/sso")
            #expect(start.status == .seeOther)
            let authorize = try #require(start.headers.first(name: .location))
            #expect(authorize.hasPrefix(provider!.issuer + "/authorize?"))
            #expect(authorize.contains("code_challenge_method=S256") && authorize.contains("nonce="))
            let answer = try await session.app.client.post(URI(string: authorize)) { try $0.content.encode(["username": username], as: .urlEncodedForm) }
            #expect(answer.status == .found)
            let back = try #require(answer.headers.first(name: .location))
            #expect(back.hasPrefix(redirectURL + "?"))
            let path = String(back.dropFirst("http://wijknet.test".count))
            return (try await session.get(path), path)
        }

        static func refusals(_ app: Application) async throws -> [String] {
            try await AuditEntry.query(on: app.db).filter(\.$action == AuditAction.signInFailed.rawValue).sort(\.$seq).all().map(\.purpose)
        }

        @Test func aPersonSignsInAtTheProviderAndGetsTheRoleOfTheirGroup() async throws {
            guard Self.provider != nil else { return Self.skipped(#function) }
            try await withApp(requireSecondFactor: true) { app, world in
                try Self.useSSO(app, world)
                let login = try await PageSession(app).get("/inloggen")
                #expect(login.body.string.contains(OIDCSettings.standardLabel))
                #expect(login.body.string.contains("name=\"password\""), "passwords still work beside single sign-on")

                let session = PageSession(app)
                let (res, _) = try await Self.signIn(session, as: "j.dewit")
                #expect(res.status == .ok)
                #expect(res.body.string.contains("http-equiv=\"refresh\" content=\"0; url=/\""))
                #expect(session.otherCookies["wijknet-sso"] == nil, "the sign-in under way is over")
                // The provider asked the second factor (amr: mfa), so Wijknet does not ask its own.
                let home = try await session.get("/")
                #expect(home.status == .ok)
                #expect(home.body.string.contains("Jasmijn de Wit"))
                let account = try #require(try await User.query(on: app.db).filter(\.$username == "j.dewit").first())
                #expect(account.role == .coach && account.$area.id == world.areas[0].id)
                #expect(account.ssoSubject == Self.provider!.issuer + "#7f3c2a90-1d44-4b7e-9a0e-0c5f1b2d3e01")
                #expect(account.email == "j.dewit@arnhem.example")
                let created = try await AuditEntry.query(on: app.db).filter(\.$subjectID == account.id!.uuidString).all().map(\.purpose)
                #expect(created.contains("Account aangemaakt bij de eerste aanmelding met single sign-on (Wijkcoach)"))

                // The next time the same account is found; nobody else's name is taken.
                let again = PageSession(app)
                #expect(try await Self.signIn(again, as: "j.dewit").0.status == .ok)
                #expect(try await User.query(on: app.db).filter(\.$ssoSubject != nil).count() == 1)
                #expect(try await Self.refusals(app) == [])
            }
        }

        @Test func anAccountMadeBeforehandIsFoundByItsVerifiedAddressAndFollowsTheGroups() async throws {
            guard Self.provider != nil else { return Self.skipped(#function) }
            try await withApp { app, world in
                try Self.useSSO(app, world)
                // The administrator made the partner's account as a coach by mistake.
                let made = try #require(try await User.query(on: app.db).filter(\.$username == "coach.rkv").first())
                made.email = "r.bakker@zorgaanhuis.example"
                try await made.save(on: app.db)
                let session = PageSession(app)
                #expect(try await Self.signIn(session, as: "r.bakker").0.status == .ok)
                let linked = try #require(try await User.find(made.id, on: app.db))
                #expect(linked.role == .partner && linked.$organisation.id == world.areas[0].wmoProviders[0] && linked.$area.id == nil)
                #expect(linked.ssoSubject != nil)
                let purposes = try await AuditEntry.query(on: app.db).filter(\.$subjectID == made.id!.uuidString).all().map(\.purpose)
                #expect(purposes.contains("Account gekoppeld aan single sign-on"))
                #expect(purposes.contains("Rol en werkgebied gevolgd uit de groepen bij single sign-on (Professional netwerkpartner)"))
            }
        }

        @Test func withoutTheProvidersSecondFactorWijknetAsksItsOwn() async throws {
            guard Self.provider != nil else { return Self.skipped(#function) }
            try await withApp(requireSecondFactor: true) { app, world in
                try Self.useSSO(app, world)
                // The partner's provider reports a password only (amr: pwd).
                let first = PageSession(app)
                #expect(try await Self.signIn(first, as: "r.bakker").0.body.string.contains("url=/account/tweede-factor"))
                #expect(try await first.get("/postvak").headers.first(name: .location) == "/account/tweede-factor")

                // Once set up, the code is asked after the provider, as after a password.
                let user = try #require(try await User.query(on: app.db).filter(\.$username == "r.bakker").first())
                let factors = SecondFactors(db: app.db, vault: app.vault)
                let secret = try await factors.pending(user)
                _ = try await factors.confirm(user, code: TOTP.code(secret: secret, step: TOTP.step(at: Date())), channel: .page)
                let second = PageSession(app)
                let (asked, _) = try await Self.signIn(second, as: "r.bakker")
                #expect(asked.body.string.contains("name=\"code\""))
                #expect(try await second.get("/postvak").headers.first(name: .location)?.hasPrefix("/inloggen") == true)
            }
        }

        @Test func eachFaultOfTheProvidersAnswerIsRefusedAndLogged() async throws {
            guard Self.provider != nil else { return Self.skipped(#function) }
            try await withApp { app, world in
                try Self.useSSO(app, world)
                // A sign-in that works first: the replayed nonce below is this one's.
                #expect(try await Self.signIn(PageSession(app), as: "j.dewit").0.status == .ok)
                let expected = [
                    ("signature", IDTokenProblem.wrongSignature), ("audience", .wrongAudience), ("expired", .expired), ("nonce", .wrongNonce),
                ]
                for (fault, problem) in expected {
                    try await Self.fault(app, fault)
                    let session = PageSession(app)
                    let (res, _) = try await Self.signIn(session, as: "j.dewit")
                    #expect(res.status == .unauthorized, "\(fault)")
                    #expect(res.body.string.contains("Inloggen via de identity provider is niet gelukt"), "\(fault)")
                    #expect(try await session.get("/").status == .seeOther, "\(fault): nobody signed in")
                    #expect(try await Self.refusals(app).last == problem.purpose, "\(fault)")
                }
            }
        }

        @Test func anAnswerWorksOnceAndOnlyInTheBrowserThatAsked() async throws {
            guard Self.provider != nil else { return Self.skipped(#function) }
            try await withApp { app, world in
                try Self.useSSO(app, world)
                // Someone else's answer, opened in another browser (a link sent to a colleague).
                let asking = PageSession(app)
                let start = try await asking.get("/inloggen/sso")
                let answer = try await app.client.post(URI(string: try #require(start.headers.first(name: .location)))) {
                    try $0.content.encode(["username": "j.dewit"], as: .urlEncodedForm)
                }
                let path = String(try #require(answer.headers.first(name: .location)).dropFirst("http://wijknet.test".count))
                let other = PageSession(app)
                #expect(try await other.get(path).status == .unauthorized)
                #expect(try await other.get("/").status == .seeOther)
                // The answer was taken by that attempt: the right browser cannot use it either now.
                #expect(try await asking.get(path).status == .unauthorized)

                // A used answer, sent again.
                let session = PageSession(app)
                let (first, used) = try await Self.signIn(session, as: "j.dewit")
                #expect(first.status == .ok)
                #expect(try await session.get(used).body.string.contains("Deze aanmelding is verlopen of al gebruikt"))
                #expect(try await Self.refusals(app).filter { $0.contains("zonder bekende, ongebruikte aanmelding") }.count == 3)
            }
        }

        @Test func aPersonWithoutAMappedGroupOrWithADeactivatedAccountStaysOut() async throws {
            guard Self.provider != nil else { return Self.skipped(#function) }
            try await withApp { app, world in
                try Self.useSSO(app, world)
                let none = try await Self.signIn(PageSession(app), as: "k.jansen").0
                #expect(none.status == .unauthorized)
                #expect(none.body.string.contains("geeft geen toegang tot Wijknet"))
                let conflicting = try await Self.signIn(PageSession(app), as: "m.visser").0
                #expect(conflicting.status == .unauthorized)
                #expect(try await User.query(on: app.db).filter(\.$username == "k.jansen").count() == 0)

                #expect(try await Self.signIn(PageSession(app), as: "j.dewit").0.status == .ok)
                let user = try #require(try await User.query(on: app.db).filter(\.$username == "j.dewit").first())
                try await app.testing().test(.POST, "/api/v1/accounts/\(user.id!)/deactivate", headers: try await token(app, "beheer")) { res in
                    #expect(res.status == .noContent)
                }
                let ended = PageSession(app)
                #expect(try await Self.signIn(ended, as: "j.dewit").0.status == .unauthorized)
                #expect(try await ended.get("/").status == .seeOther)
                #expect(try await Self.refusals(app) == [
                    SSOAccounts.Refusal.noRole.purpose, SSOAccounts.Refusal.conflicting(groups: ["functioneel-beheer", "wijkteam-noordwest"]).purpose,
                    SSOAccounts.Refusal.deactivated.purpose,
                ])
            }
        }

        @Test func withPasswordsOffOnlySingleSignOnOpensWijknet() async throws {
            guard Self.provider != nil else { return Self.skipped(#function) }
            try await withApp { app, world in
                try Self.useSSO(app, world, localPasswords: false)
                let page = PageSession(app)
                let login = try await page.get("/inloggen")
                #expect(!login.body.string.contains("name=\"password\""))
                // The page has no form to post; a post made by hand signs nobody in either.
                let refused = try await page.post("/inloggen", ["username": "coach.noordwest", "password": DemoPassword.value])
                #expect(refused.status != .seeOther)
                #expect(try await page.get("/").status == .seeOther)
                try await app.testing().test(.POST, "/api/v1/tokens", beforeRequest: { req in
                    try req.content.encode(["username": "coach.noordwest", "password": DemoPassword.value])
                }) { res in
                    #expect(res.status == .forbidden)
                    #expect(res.body.string.contains("staat uit"))
                }
                // Through single sign-on the browser gets in, and from there an API token.
                let session = PageSession(app)
                #expect(try await Self.signIn(session, as: "j.dewit").0.status == .ok)
                _ = try await session.get("/api-tokens")
                let issued = try await session.post("/api-tokens", ["name": "koppeling"])
                let shown = try #require(issued.body.string.components(separatedBy: "Je nieuwe token").last)
                let token = try #require(shown.components(separatedBy: "<code>").dropFirst().first?.components(separatedBy: "</code>").first)
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: token)
                try await app.testing().test(.GET, "/api/v1/me", headers: headers) { res in
                    #expect(res.status == .ok)
                    #expect(object(res)["username"] as? String == "j.dewit")
                }
            }
        }

        @Test func anUnreachableProviderAndTooManyTriesGetAClearAnswer() async throws {
            try await withApp(signInsPerMinute: 3) { app, world in
                let settings = OIDCSettings(issuer: "http://127.0.0.1:9", clientID: "wijknet", clientSecret: "x", redirectURL: Self.redirectURL,
                                            mapping: SSOGroupMapping(grants: ["g": .init(role: .analyst)]))
                app.storage[ConfigKey.self]!.sso = settings
                app.storage[OIDCProviderKey.self] = OIDCProvider(settings: settings)
                let page = PageSession(app)
                let down = try await page.get("/inloggen/sso")
                #expect(down.status == .badGateway)
                #expect(down.body.string.contains("De identity provider is nu niet bereikbaar"))
                _ = try await page.get("/inloggen/sso/terug?state=x&code=y")
                _ = try await page.get("/inloggen/sso")
                let slowed = try await page.get("/inloggen/sso")
                #expect(slowed.status == .tooManyRequests)
                #expect(slowed.headers.first(name: .retryAfter) != nil)
            }
        }

        @Test func withoutSingleSignOnItsAddressesAreNotThere() async throws {
            try await withApp { app, _ in
                let page = PageSession(app)
                let start = try await page.get("/inloggen/sso"), back = try await page.get("/inloggen/sso/terug?code=x&state=y")
                #expect(start.status == .notFound && back.status == .notFound)
                let login = try await page.get("/inloggen")
                #expect(!login.body.string.contains("/inloggen/sso"))
            }
        }
    }
}
