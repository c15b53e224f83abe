import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    @Suite struct PageTests {
        static func residentForm(_ world: DemoWorld, bsn: String) -> [String: String] {
            ["givenName": "<script>alert(1)</script>", "familyName": "Jansen", "birthDate": "1980-05-01", "bsn": bsn, "street": "Markt",
             "houseNumber": "1", "postcode": "6811ab", "city": "Arnhem", "districtId": world.areas[0].districtIDs[0].uuidString]
        }

        @Test func signInIsRequiredAndWrongPasswordsAreRefused() async throws {
            try await withApp { app, _ in
                let anonymous = PageSession(app)
                let res = try await anonymous.get("/verzoeken")
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/inloggen?terug=/verzoeken")
                let login = try await anonymous.get("/inloggen")
                #expect(login.body.string.contains("coach.noordwest"), "demo mode lists the demo accounts")
                #expect(login.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
                let wrong = try await anonymous.post("/inloggen", ["username": "coach.noordwest", "password": "fout"])
                #expect(wrong.status == .unauthorized)
                #expect(wrong.body.string.contains("Gebruikersnaam of wachtwoord onjuist"))
            }
        }

        @Test func formsWithoutTheCSRFTokenAreRefused() async throws {
            try await withApp { app, world in
                let coach = try await PageSession.signIn(app, as: "coach.noordwest")
                _ = try await coach.get("/inwoners/nieuw")
                let res = try await coach.post("/inwoners/nieuw", Self.residentForm(world, bsn: "999990019"), csrf: "vervalst")
                #expect(res.status == .forbidden)
                #expect(try await Resident.query(on: app.db).count() == 0)
            }
        }

        @Test func invalidInputIsShownInDutchNextToTheField() async throws {
            try await withApp { app, world in
                let coach = try await PageSession.signIn(app, as: "coach.noordwest")
                _ = try await coach.get("/inwoners/nieuw")
                let res = try await coach.post("/inwoners/nieuw", Self.residentForm(world, bsn: "123456789"))
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("id=\"f-bsn-error\""))
                #expect(html.contains("elfproef"))
                #expect(html.contains("aria-invalid=\"true\""))
                // What the user typed stays in the form, escaped.
                #expect(html.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""))
                #expect(!html.contains("<script>alert(1)"))
            }
        }

        @Test func aCoachRecordsARequestAndFreeTextIsEscapedEverywhere() async throws {
            try await withApp { app, world in
                // setup
                let coach = try await PageSession.signIn(app, as: "coach.noordwest")
                _ = try await coach.get("/inwoners/nieuw")
                let created = try await coach.post("/inwoners/nieuw", Self.residentForm(world, bsn: "999990019"))
                #expect(created.status == .seeOther)
                let resident = try #require(try await Resident.query(on: app.db).first())
                #expect(resident.postcode == "6811AB")
                _ = try await coach.get("/verzoeken/nieuw?resident=\(resident.id!.uuidString)")
                // MUT
                let res = try await coach.post("/verzoeken/nieuw", [
                    "residentId": resident.id!.uuidString, "intakeDate": CalendarDate.today().description,
                    "summary": "<img src=x onerror=alert(2)> huur & schulden", "law": "wmo", "urgency": "high",
                ], lists: ["lifeDomains": ["finances", "housing"]])
                // validate
                #expect(res.status == .seeOther)
                let request = try #require(try await SupportRequest.query(on: app.db).first())
                #expect(request.lifeDomains == [.finances, .housing])
                for path in ["/verzoeken/\(request.id!.uuidString)", "/verzoeken", "/verzoeken?q=huur"] {
                    let html = try await coach.get(path).body.string
                    #expect(!html.contains("<script>alert(1)"), "\(path)")
                    #expect(!html.contains("<img src=x"), "\(path)")
                    #expect(!html.contains("&lt;tr&gt;"), "markup must not be escaped twice on \(path)")
                }
                let casePage = try await coach.get("/verzoeken/\(request.id!.uuidString)").body.string
                #expect(casePage.contains("&lt;img src=x onerror=alert(2)&gt; huur &amp; schulden"))
                #expect(casePage.contains("Verzoek geregistreerd na keukentafelgesprek"))
            }
        }

        @Test func aStaleEditFormGetsAConflictAndKeepsTheText() async throws {
            try await withApp { app, world in
                let headers = try await token(app, "coach.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, headers)
                let coach = try await PageSession.signIn(app, as: "coach.noordwest")
                _ = try await coach.get("/verzoeken/\(id)/wijzigen")
                let edit = ["summary": "Nieuwe tekst van de coach", "urgency": "normal", "version": "1"]
                let first = try await coach.post("/verzoeken/\(id)/wijzigen", edit, lists: ["lifeDomains": ["finances"]])
                #expect(first.status == .seeOther)
                let second = try await coach.post("/verzoeken/\(id)/wijzigen", ["summary": "Andere tekst", "urgency": "normal", "version": "1"],
                                                  lists: ["lifeDomains": ["finances"]])
                #expect(second.status == .conflict)
                #expect(second.body.string.contains("Iemand anders heeft dit verzoek intussen gewijzigd"))
                #expect(second.body.string.contains("Andere tekst"))
                #expect(try await SupportRequest.find(UUID(uuidString: id), on: app.db)?.summary == "Nieuwe tekst van de coach")
            }
        }

        @Test func searchTreatsWildcardsAndQuotesLiterally() async throws {
            try await withApp { app, world in
                let headers = try await token(app, "coach.noordwest")
                _ = try await AppTests.CaseFlowAPITests.newRequest(app, world, headers)
                let coach = try await PageSession.signIn(app, as: "coach.noordwest")
                for q in ["%", "_", "' OR 1=1 --", "\\"] {
                    let res = try await coach.get("/verzoeken?q=\(q.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
                    #expect(res.status == .ok)
                    #expect(res.body.string.contains("Geen verzoeken gevonden"), "\(q)")
                }
                let hit = try await coach.get("/verzoeken?q=SCHULDEN")
                #expect(hit.body.string.contains("1 verzoek,"))
            }
        }

        @Test func rolesSeeOnlyTheirPages() async throws {
            try await withApp { app, _ in
                let analyst = try await PageSession.signIn(app, as: "analist")
                #expect(try await analyst.get("/verzoeken").status == .forbidden)
                #expect(try await analyst.get("/beheer").status == .forbidden)
                let admin = try await PageSession.signIn(app, as: "beheer")
                #expect(try await admin.get("/beheer").status == .ok)
                #expect(try await admin.get("/verzoeken").status == .forbidden)
                let coach = try await PageSession.signIn(app, as: "coach.noordwest")
                #expect(try await coach.get("/beheer/organisaties").status == .forbidden)
            }
        }
    }
}

extension AppTests.PageTests {
    @Test func assignmentErrorsAreShownInTheCasePageForm() async throws {
        try await withApp { app, world in
            let headers = try await token(app, "coach.noordwest")
            let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, headers)
            let partner = world.areas[0].wmoProviders[0].uuidString
            _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: headers, beforeRequest: {
                try $0.content.encode(JSON(["route": "direct", "partnerId": partner])) })
            _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/decision", headers: headers, beforeRequest: {
                try $0.content.encode(JSON(["outcomes": [["kind": "indicatedCare", "organisationId": partner]]])) })
            let coach = try await PageSession.signIn(app, as: "coach.noordwest")
            _ = try await coach.get("/verzoeken/\(id)")
            let res = try await coach.post("/verzoeken/\(id)/toewijzing", [
                "law": "wmo", "productId": world.products[.wmo]!.basic.uuidString, "providerId": partner, "hoursPerWeek": "-2",
                "startDate": "2026-02-01", "endDate": "2026-01-01", "kind": "first", "version": "3"])
            #expect(res.status == .unprocessableEntity)
            let html = res.body.string
            #expect(html.contains("<details id=\"toewijzing\" class=\"step\" open>"))
            #expect(html.contains("id=\"f-hoursPerWeek-error\""))
            #expect(html.contains("De einddatum ligt vóór de startdatum."))
            #expect(try await Assignment.query(on: app.db).count() == 0)
        }
    }
}

extension AppTests.PageTests {
    @Test func residentSearchPostsSoTheBSNStaysOutOfTheURL() async throws {
        try await withApp { app, world in
            let headers = try await token(app, "coach.noordwest")
            _ = try await AppTests.CaseFlowAPITests.newRequest(app, world, headers)
            let coach = try await PageSession.signIn(app, as: "coach.noordwest")
            let form = try await coach.get("/inwoners")
            #expect(form.body.string.contains("<form method=\"post\" action=\"/inwoners\""))
            let byBSN = try await coach.post("/inwoners", ["q": "999990019"])
            #expect(byBSN.body.string.contains("Nieuw verzoek voor Anna Jansen"))
            let byName = try await coach.post("/inwoners", ["q": "jans"])
            #expect(byName.body.string.contains("Nieuw verzoek voor Anna Jansen"))
            let other = try await PageSession.signIn(app, as: "coach.rkv")
            _ = try await other.get("/inwoners")
            #expect(try await other.post("/inwoners", ["q": "999990019"]).body.string.contains("Geen inwoner gevonden"))
        }
    }
}
