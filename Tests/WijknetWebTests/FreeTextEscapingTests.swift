import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// A script in every free-text field a user can fill, then every page that shows one of them,
    /// in every role that sees it: the script must come back as text, never as markup.
    @Suite struct FreeTextEscapingTests {
        static let script = "<script>alert('x')</script>"

        /// A script element other than the page's own session warning.
        static func hasScriptFromInput(_ html: String) -> Bool {
            html.replacingOccurrences(of: "<script src=\"/static/sessie.js\" defer></script>", with: "").contains("<script")
        }

        @Test func aScriptInEveryFreeTextFieldIsShownEscapedOnEveryPage() async throws {
            try await withApp { app, world in
                // setup: every free-text field through the API
                let s = Self.script
                let coach = try await token(app, "coach.noordwest")
                let chair = try await token(app, "voorzitter.noordwest")
                let admin = try await token(app, "beheer")
                var organisationID = ""
                try await app.testing().test(.POST, "/api/v1/organisations", headers: admin, beforeRequest: {
                    try $0.content.encode(JSON(["name": "Welzijn \(s)", "kind": "welfare", "expertise": [s]])) }) { res in
                    #expect(res.status == .created)
                    organisationID = object(res)["id"] as? String ?? ""
                }
                var residentID = ""
                try await app.testing().test(.POST, "/api/v1/residents", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["givenName": s, "familyName": "Jansen \(s)", "birthDate": "1980-05-01", "bsn": "999990019",
                                                "street": s, "houseNumber": "1", "postcode": "6811 AB", "city": s,
                                                "districtId": world.areas[0].districtIDs[0].uuidString, "consentForMeeting": true])) }) { res in
                    #expect(res.status == .created)
                    residentID = object(res)["id"] as? String ?? ""
                }
                var id = ""
                try await app.testing().test(.POST, "/api/v1/requests", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["residentId": residentID, "intakeDate": CalendarDate.today().description, "summary": s,
                                                "law": "wmo", "lifeDomains": ["finances"], "urgency": "normal", "consentForMeeting": true])) }) { res in
                    #expect(res.status == .created)
                    id = object(res)["id"] as? String ?? ""
                }
                _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["route": "meeting"])) })
                try await holdMeeting(of: id, app)
                try await app.testing().test(.POST, "/api/v1/requests/\(id)/decision", headers: chair, beforeRequest: {
                    try $0.content.encode(JSON(["note": s, "outcomes": [
                        ["kind": "indicatedCare", "organisationId": world.outsideWmo[0].uuidString, "outsideReason": "other", "outsideReasonText": s, "note": s],
                        ["kind": "welfare", "organisationId": organisationID, "activity": s, "note": s]]])) }) { res in
                    #expect(res.status == .created)
                }
                try await app.testing().test(.POST, "/api/v1/requests/\(id)/assignments", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["law": "wmo", "productId": world.products[.wmo]!.basic.uuidString, "providerId": world.outsideWmo[0].uuidString,
                                                "hoursPerWeek": 3, "startDate": CalendarDate.today().description, "kind": "first",
                                                "outsideReason": "other", "outsideReasonText": s])) }) { res in
                    #expect(res.status == .created)
                }
                try await app.testing().test(.POST, "/api/v1/requests/\(id)/referrals", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["partnerId": organisationID, "activity": s, "date": CalendarDate.today().description, "status": "started"])) }) { res in
                    #expect(res.status == .created)
                }
                var levels = Dictionary(uniqueKeysWithValues: LifeDomain.allCases.map { ($0.rawValue, "3") })
                levels["justice"] = "na"
                try await app.testing().test(.POST, "/api/v1/residents/\(residentID)/zrm-assessments", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["date": CalendarDate.today().description, "levels": levels, "notes": ["finances": s],
                                                "reasons": ["justice": s]])) }) { res in
                    #expect(res.status == .created)
                }
                // A version of the profiles, renamed by the analyst.
                let analystUser = try #require(try await User.query(on: app.db).filter(\.$role == .analyst).first())
                let set = ZRMProfileSet(version: 1, period: .year(2026)!, assessments: 20, inertia: 1, silhouettes: [:], derivedBy: analystUser.id!)
                try await set.create(on: app.db)
                try await ZRMProfile(setID: set.id!, profile: .init(number: 1, name: "Profiel", centre: Array(repeating: 4, count: 13), size: 20)).create(on: app.db)
                try await app.testing().test(.PUT, "/api/v1/profiles/1/1", headers: try await token(app, "analist"), beforeRequest: {
                    try $0.content.encode(JSON(["name": "Profiel \(s)"])) }) { res in
                    #expect(res.status == .ok)
                }
                let meeting = try #require(try await AgendaItem.query(on: app.db).first()).$meeting.id
                let network = world.areas[0].networkID!

                // MUT and validate: every page that shows one of them, as each role that sees it
                let pages: [(String, [String])] = [
                    ("coach.noordwest", ["/verzoeken", "/verzoeken?q=script", "/verzoeken/\(id)", "/verzoeken/\(id)/wijzigen", "/overleggen/\(meeting)",
                                         "/inwoners/\(residentID)/export", "/inwoners/\(residentID)/wijzigen", "/inwoners/\(residentID)/wissen",
                                         "/inwoners/nieuw?huisgenoot=\(residentID)", "/verzoeken/nieuw?resident=\(residentID)",
                                         "/cijfers", "/cijfers/K1/verzoeken?period=\(ReportingPeriod.quarter(containing: .today()))", "/",
                                         "/inwoners/\(residentID)/zrm"]),
                    ("voorzitter.noordwest", ["/verzoeken", "/verzoeken/\(id)", "/overleggen/\(meeting)"]),
                    ("partner.noordwest", ["/overleggen/\(meeting)"]),
                    ("beheer", ["/beheer", "/beheer/organisaties", "/beheer/netwerken/\(network)"]),
                    ("auditor", ["/audit"]),
                    ("analist", ["/profielen"]),
                ]
                var checked = 0
                for (user, paths) in pages {
                    let session = try await PageSession.signIn(app, as: user)
                    for path in paths {
                        let res = try await session.get(path)
                        #expect(res.status == .ok, "\(user) \(path)")
                        let html = res.body.string
                        #expect(!Self.hasScriptFromInput(html), "\(user) \(path) shows markup from user input")
                        checked += html.contains("&lt;script&gt;") ? 1 : 0
                    }
                }
                #expect(checked >= 16, "the escaped text is really on the pages (\(checked))")
                // The resident search posts; the results show the names.
                let session = try await PageSession.signIn(app, as: "coach.noordwest")
                _ = try await session.get("/inwoners")
                let found = try await session.post("/inwoners", ["q": "Jansen"])
                #expect(found.body.string.contains("Jansen &lt;script&gt;") && !Self.hasScriptFromInput(found.body.string))
            }
        }
    }
}
