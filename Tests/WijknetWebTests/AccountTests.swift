import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

/// A municipality takes Wijknet into use: the administrator makes accounts, the new user chooses a
/// password through a one-time link, and someone who leaves loses access at once (issue 15).
extension AppTests {
    @Suite struct AccountTests {
        static func link(in html: String) -> String? {
            guard let range = html.range(of: "/wachtwoord/") else { return nil }
            return String(html[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        }

        @Test func anAdministratorAddsACoachWhoSetsAPasswordAndSignsIn() async throws {
            try await withApp { app, world in
                let admin = try await PageSession.signIn(app, as: "beheer")
                _ = try await admin.get("/beheer/accounts")
                let form = ["username": "Coach.Oost", "displayName": "Coach Oost", "email": "coach.oost@arnhem.nl", "role": "coach",
                            "areaId": world.areas[0].id.uuidString]
                let created = try await admin.post("/beheer/accounts", form)
                #expect(created.status == .ok && created.body.string.contains("Het account coach.oost is aangemaakt."))
                let token = try #require(Self.link(in: created.body.string))
                let user = try #require(try await User.query(on: app.db).filter(\.$username == "coach.oost").first())
                #expect(user.role == .coach && user.$area.id == world.areas[0].id && user.email == "coach.oost@arnhem.nl")
                #expect(try await PasswordLink.query(on: app.db).first()?.tokenHash == TokenSecret.hash(token), "only the hash is kept")
                #expect(try await AuditEntry.query(on: app.db).filter(\.$subject == "account").filter(\.$subjectID == user.id!.uuidString).count() == 1)

                // The same name or address again: refused, nothing added.
                let again = try await admin.post("/beheer/accounts", form)
                #expect(again.status == .unprocessableEntity && again.body.string.contains("al uitgegeven"))
                var otherName = form
                otherName["username"] = "coach.oost2"
                #expect(try await admin.post("/beheer/accounts", otherName).body.string.contains("hoort al bij een ander account"))
                var noScope = form
                noScope["username"] = "voorzitter.oost"
                noScope["role"] = "chair"
                noScope["email"] = ""
                noScope["areaId"] = ""
                #expect(try await admin.post("/beheer/accounts", noScope).body.string.contains("werkt voor een gebied"))

                // The new coach opens the link and chooses a password.
                let newcomer = PageSession(app)
                #expect(try await newcomer.get("/wachtwoord/\(token)").body.string.contains("coach.oost"))
                let common = try await newcomer.post("/wachtwoord/\(token)", ["password": "Welkom2026!!", "repeat": "Welkom2026!!"])
                #expect(common.status == .unprocessableEntity && common.body.string.contains("veelgebruikte"))
                let set = try await newcomer.post("/wachtwoord/\(token)", ["password": "fiets naar de markt op dinsdag", "repeat": "fiets naar de markt op dinsdag"])
                #expect(set.status == .seeOther)
                #expect(try await newcomer.get("/wachtwoord/\(token)").status == .notFound, "a link works once")
                let coach = try await PageSession.signIn(app, as: "coach.oost", password: "fiets naar de markt op dinsdag")
                #expect(try await coach.get("/verzoeken").status == .ok)
                #expect(try await User.find(user.id, on: app.db)?.lastSignInAt != nil)
            }
        }

        @Test func deactivatingEndsSessionsTokensAndSignInAtOnce() async throws {
            try await withApp { app, _ in
                let coach = try await PageSession.signIn(app, as: "coach.rkv")
                let token = try await token(app, "coach.rkv")
                let user = try #require(try await User.query(on: app.db).filter(\.$username == "coach.rkv").first())
                let admin = try await PageSession.signIn(app, as: "beheer")
                _ = try await admin.get("/beheer/accounts/\(user.id!.uuidString)")
                let asked = try await admin.post("/beheer/accounts/\(user.id!.uuidString)/deactiveren", [:])
                #expect(asked.status == .ok && asked.body.string.contains("Ja, deactiveren"))
                #expect(try await User.find(user.id, on: app.db)?.isActive == true, "nothing happens before the confirmation")
                let done = try await admin.post("/beheer/accounts/\(user.id!.uuidString)/deactiveren", ["confirm": "ja"])
                #expect(done.status == .seeOther)

                #expect(try await coach.get("/verzoeken").status == .seeOther, "the open session ends")
                try await app.testing().test(.GET, "/api/v1/requests", headers: token) { res in #expect(res.status == .unauthorized) }
                let again = PageSession(app)
                _ = try await again.get("/inloggen")
                let refused = try await again.post("/inloggen", ["username": "coach.rkv", "password": DemoPassword.value])
                #expect(refused.status == .unauthorized && refused.body.string.contains("Gebruikersnaam of wachtwoord onjuist"))
                // The account stays, with its trail; no new link for it.
                let link = try await admin.post("/beheer/accounts/\(user.id!.uuidString)/wachtwoordlink", [:])
                #expect(link.status == .unprocessableEntity)
            }
        }

        @Test func anAdministratorCannotGiveThemselvesCaseAccess() async throws {
            try await withApp { app, world in
                let me = try #require(try await User.query(on: app.db).filter(\.$username == "beheer").first())
                let admin = try await PageSession.signIn(app, as: "beheer")
                _ = try await admin.get("/beheer/accounts/\(me.id!.uuidString)")
                let res = try await admin.post("/beheer/accounts/\(me.id!.uuidString)", ["displayName": "Beheer", "role": "coach",
                                                                                       "areaId": world.areas[0].id.uuidString])
                #expect(res.status == .unprocessableEntity && res.body.string.contains("Je eigen rol"))
                #expect(try await User.find(me.id, on: app.db)?.role == .admin)
                let own = try await admin.post("/beheer/accounts/\(me.id!.uuidString)/deactiveren", ["confirm": "ja"])
                #expect(own.status == .unprocessableEntity)
                // Other roles do not reach the accounts at all.
                let coach = try await PageSession.signIn(app, as: "coach.noordwest")
                #expect(try await coach.get("/beheer/accounts").status == .forbidden)
            }
        }

        @Test func anExpiredLinkIsRefused() async throws {
            try await withApp { app, _ in
                let user = try #require(try await User.query(on: app.db).filter(\.$username == "analist").first())
                let token = TokenSecret.random()
                let link = PasswordLink(userID: user.id!, tokenHash: TokenSecret.hash(token), issuedAt: Date().addingTimeInterval(-25 * 3600))
                try await link.create(on: app.db)
                let visitor = PageSession(app)
                #expect(try await visitor.get("/wachtwoord/\(token)").status == .notFound)
                _ = try await visitor.get("/inloggen")
                #expect(try await visitor.post("/wachtwoord/\(token)", ["password": "een lange zin als wachtwoord", "repeat": "een lange zin als wachtwoord"]).status == .notFound)
            }
        }
    }
}

extension AppTests.AccountTests {
    @Test func theAPIManagesAccountsToo() async throws {
        try await withApp { app, world in
            let admin = try await token(app, "beheer")
            var id = ""
            try await app.testing().test(.POST, "/api/v1/accounts", headers: admin, beforeRequest: {
                try $0.content.encode(JSON(["username": "partner.api", "displayName": "Partner API", "role": "partner",
                                            "organisationId": world.areas[0].wmoProviders[0].uuidString]))
            }) { res in
                #expect(res.status == .created)
                let body = object(res)
                id = body["id"] as? String ?? ""
                #expect((body["passwordLink"] as? String)?.contains("/wachtwoord/") == true)
            }
            try await app.testing().test(.POST, "/api/v1/accounts", headers: admin, beforeRequest: {
                try $0.content.encode(JSON(["username": "partner.api", "displayName": "X", "role": "partner"]))
            }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(Set(problemFields(res)) == ["organisationId"] || problemFields(res).contains("username"))
            }
            try await app.testing().test(.GET, "/api/v1/accounts?role=partner&q=api", headers: admin) { res in
                #expect((object(res)["items"] as? [[String: Any]])?.compactMap { $0["username"] as? String } == ["partner.api"])
                #expect((object(res)["items"] as? [[String: Any]])?.first?["passwordLink"] == nil, "a link is shown once")
            }
            try await app.testing().test(.POST, "/api/v1/accounts/\(id)/deactivate", headers: admin) { res in #expect(res.status == .noContent) }
            try await app.testing().test(.GET, "/api/v1/accounts/\(id)", headers: admin) { res in #expect(object(res)["active"] as? Bool == false) }
            let coach = try await token(app, "coach.noordwest")
            try await app.testing().test(.GET, "/api/v1/accounts", headers: coach) { res in #expect(res.status == .forbidden) }
        }
    }
}
