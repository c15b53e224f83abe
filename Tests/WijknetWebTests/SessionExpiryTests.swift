import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

/// A coach who types for longer than the session lasts loses nothing (issue 13, point 1): the form
/// comes back as a sign-in page that carries what they typed, and after signing in one click sends
/// it. Nothing of it is stored on the server in between.
extension AppTests {
    @Suite struct SessionExpiryTests {
        /// The hidden fields of the form that posts to `action`, in order, unescaped.
        static func hiddenFields(_ html: String, formAction action: String) -> [(String, String)] {
            guard let start = html.range(of: "action=\"\(action)\""), let end = html[start.upperBound...].range(of: "</form>") else { return [] }
            let form = String(html[start.upperBound..<end.lowerBound])
            let pattern = try! NSRegularExpression(pattern: "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")
            return pattern.matches(in: form, range: NSRange(form.startIndex..., in: form)).map { match in
                (unescape(String(form[Range(match.range(at: 1), in: form)!])), unescape(String(form[Range(match.range(at: 2), in: form)!])))
            }
        }

        static func unescape(_ text: String) -> String {
            text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        }

        /// Every signed-in session was last seen long ago, as if the coach had typed for an hour.
        static func letSessionsGoIdle(_ app: Application) async throws {
            for record in try await SessionRecord.query(on: app.db).all() where record.data["uid"] != nil {
                record.data["seen"] = "0"
                try await record.save(on: app.db)
            }
        }

        static func newRequestForm(_ app: Application, _ world: DemoWorld) async throws -> (PageSession, [String: String]) {
            let coach = try await PageSession.signIn(app, as: "coach.noordwest")
            _ = try await coach.get("/inwoners/nieuw")
            _ = try await coach.post("/inwoners/nieuw", PageTests.residentForm(world, bsn: "999990019"))
            let resident = try #require(try await Resident.query(on: app.db).first())
            _ = try await coach.get("/verzoeken/nieuw?resident=\(resident.id!.uuidString)")
            let form = ["residentId": resident.id!.uuidString, "intakeDate": CalendarDate.today().description,
                        "summary": "Huurachterstand & zorgen om \"de\" kinderen <b>dringend</b>", "law": "wmo", "urgency": "high"]
            return (coach, form)
        }

        @Test func anIdleSessionKeepsWhatTheCoachTypedUntilTheySignInAgain() async throws {
            try await withApp { app, world in
                let (coach, form) = try await Self.newRequestForm(app, world)
                try await Self.letSessionsGoIdle(app)

                let expired = try await coach.post("/verzoeken/nieuw", form, lists: ["lifeDomains": ["finances", "housing"]])
                #expect(expired.status == .unauthorized)
                let page = expired.body.string
                #expect(page.contains("<h1>Je sessie is verlopen</h1>"))
                #expect(page.contains("30 minuten niet actief"))
                #expect(page.contains("value=\"coach.noordwest\""), "the same name is offered")
                #expect(!page.contains("Geen toegang"))
                #expect(try await SupportRequest.query(on: app.db).count() == 0)
                let login = Dictionary(Self.hiddenFields(page, formAction: "/inloggen"), uniquingKeysWith: { a, _ in a })
                #expect(login["terug"] == "/verzoeken/nieuw")
                #expect(login["bewaard"]?.contains("Huurachterstand") == true)

                let back = try await coach.post("/inloggen", ["username": "coach.noordwest", "password": DemoPassword.value,
                                                              "terug": login["terug"]!, "bewaard": login["bewaard"]!])
                #expect(back.status == .ok)
                #expect(back.body.string.contains("<h1>Je bent weer ingelogd</h1>"))
                let kept = Self.hiddenFields(back.body.string, formAction: "/verzoeken/nieuw").filter { $0.0 != CSRF.field }
                #expect(kept.first { $0.0 == "summary" }?.1 == form["summary"], "the text exactly as typed")
                #expect(kept.filter { $0.0 == "lifeDomains[]" }.map(\.1) == ["finances", "housing"])

                let sent = try await coach.post("/verzoeken/nieuw", Dictionary(kept.filter { !$0.0.hasSuffix("[]") }, uniquingKeysWith: { a, _ in a }),
                                                lists: ["lifeDomains": ["finances", "housing"]])
                #expect(sent.status == .seeOther)
                let request = try #require(try await SupportRequest.query(on: app.db).first())
                #expect(request.summary == form["summary"])
                #expect(request.lifeDomains == [.finances, .housing])
            }
        }

        @Test func aFormWithoutItsSessionCookieIsKeptToo() async throws {
            try await withApp { app, world in
                let (coach, form) = try await Self.newRequestForm(app, world)
                coach.cookie = nil
                let expired = try await coach.post("/verzoeken/nieuw", form)
                #expect(expired.status == .unauthorized)
                #expect(expired.body.string.contains("Je bent niet meer ingelogd"))
                #expect(Self.hiddenFields(expired.body.string, formAction: "/inloggen").contains { $0.0 == "bewaard" && $0.1.contains("Huurachterstand") })
                // An expired sign-in form asks to sign in again and never writes a password back.
                let staleLogin = try await coach.post("/inloggen", ["username": "coach.noordwest", "password": "geheim-123"], csrf: "oud")
                #expect(staleLogin.status == .forbidden)
                #expect(staleLogin.body.string.contains("Het inlogformulier was verlopen"))
                #expect(!staleLogin.body.string.contains("geheim-123"))
            }
        }

        /// A form another site made the browser send (cross-site request forgery) is not kept: the
        /// user would otherwise be one click from sending it with a valid token.
        @Test func aFormFromAnotherSiteIsNotOfferedAgain() async throws {
            try await withApp { app, world in
                let (coach, form) = try await Self.newRequestForm(app, world)
                coach.fetchSite = "cross-site"
                let forged = try await coach.post("/verzoeken/nieuw", form, csrf: "geraden")
                #expect(forged.status == .forbidden)
                #expect(!forged.body.string.contains("Huurachterstand") && !forged.body.string.contains("Opnieuw versturen"))
                coach.cookie = nil
                let signedOut = try await coach.post("/verzoeken/nieuw", form)
                #expect(!Self.hiddenFields(signedOut.body.string, formAction: "/inloggen").contains { $0.0 == "bewaard" })
                // The way back is a page: a case step's address answers only POST, its case page GET.
                coach.cookie = nil
                let step = try await coach.post("/verzoeken/\(UUID().uuidString)/route", ["route": "meeting"], csrf: "oud")
                let back = Self.hiddenFields(step.body.string, formAction: "/inloggen").first { $0.0 == "terug" }?.1
                #expect(back?.hasPrefix("/verzoeken/") == true && back?.hasSuffix("/route") == false)
                #expect(try await SupportRequest.query(on: app.db).count() == 0)
            }
        }

        @Test func signingInLeadsBackToThePageAskedForAndNowhereElse() async throws {
            try await withApp { app, _ in
                let visitor = PageSession(app)
                let asked = try await visitor.get("/verzoeken?status=registered")
                #expect(asked.headers.first(name: .location) == "/inloggen?terug=/verzoeken%3Fstatus%3Dregistered")
                let login = try await visitor.get("/inloggen?terug=/verzoeken%3Fstatus%3Dregistered")
                #expect(login.body.string.contains("name=\"terug\" value=\"/verzoeken?status=registered\""))
                let signedIn = try await visitor.post("/inloggen", ["username": "coach.noordwest", "password": DemoPassword.value,
                                                                    "terug": "/verzoeken?status=registered"])
                #expect(signedIn.headers.first(name: .location) == "/verzoeken?status=registered")
                for elsewhere in ["//evil.example/", "https://evil.example/", "/\\evil.example", "verzoeken", "/uitloggen"] {
                    let other = PageSession(app)
                    _ = try await other.get("/inloggen")
                    let res = try await other.post("/inloggen", ["username": "coach.noordwest", "password": DemoPassword.value, "terug": elsewhere])
                    #expect(res.headers.first(name: .location) == "/", "\(elsewhere)")
                }
            }
        }

        @Test func theFormBodyTravelsUnchanged() throws {
            let body = try #require(FormBody(urlEncoded: "_csrf=abc&summary=Huur+%26+zorgen%3D%22ja%22&lifeDomains%5B%5D=finances&lifeDomains%5B%5D=housing&leeg="))
            #expect(body.fields.map(\.name) == ["summary", "lifeDomains[]", "lifeDomains[]", "leeg"])
            #expect(body.fields[0].value == "Huur & zorgen=\"ja\"")
            #expect(FormBody(urlEncoded: body.urlEncoded) == body)
            #expect(FormBody(urlEncoded: "summary=%E0%A4%A") == nil, "undecodable text is not a form")
        }

        @Test func aSavedStepSaysSoAndAFailedOneOpensAtItsErrors() async throws {
            try await withApp { app, world in
                let coach = try await PageSession.signIn(app, as: "coach.noordwest")
                let headers = try await token(app, "coach.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, headers)
                let page = try await coach.get("/verzoeken/\(id)")
                let version = try #require(Self.hiddenFields(page.body.string, formAction: "/verzoeken/\(id)/route").first { $0.0 == "version" }?.1)

                let failed = try await coach.post("/verzoeken/\(id)/route", ["route": "", "version": version])
                #expect(failed.status == .unprocessableEntity)
                #expect(failed.body.string.contains("<title>Fout: "))
                #expect(failed.body.string.contains("class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus"))

                let saved = try await coach.post("/verzoeken/\(id)/route", ["route": "meeting", "version": version])
                #expect(saved.status == .seeOther)
                #expect(saved.headers.first(name: .location) == "/verzoeken/\(id)")
                let after = try await coach.get("/verzoeken/\(id)").body.string
                #expect(after.contains("<div class=\"flash\" role=\"status\">De route is vastgelegd.</div>"))
                #expect(!after.contains("<title>Fout: "))
                #expect(!(try await coach.get("/verzoeken/\(id)").body.string.contains("De route is vastgelegd.")), "said once")
            }
        }
    }
}
