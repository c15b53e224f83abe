import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    @Suite struct ZRMAssessmentTests {
        @Test func aCoachRecordsAssessmentsAndSeesThemOverTime() async throws {
            try await withApp { app, world in
                // setup
                let coach = try await token(app, "coach.noordwest")
                let requestID = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                let resident = try #require(try await SupportRequest.find(UUID(uuidString: requestID), on: app.db)).$resident.id
                var levels = Dictionary(uniqueKeysWithValues: LifeDomain.allCases.map { ($0.rawValue, "2") })
                levels["justice"] = "na"
                // MUT: without a reason for the domain not scored, nothing is stored
                try await app.testing().test(.POST, "/api/v1/residents/\(resident)/zrm-assessments", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["date": CalendarDate.today().adding(days: -90).description, "levels": levels])) }) { res in
                    #expect(res.status == .unprocessableEntity && problemFields(res) == ["reasons.justice"])
                }
                #expect(try await ZRMAssessment.query(on: app.db).count() == 0)
                try await app.testing().test(.POST, "/api/v1/residents/\(resident)/zrm-assessments", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["date": CalendarDate.today().adding(days: -90).description, "levels": levels,
                                                "reasons": ["justice": "Niet besproken"], "notes": ["finances": "Schulden <b>groot</b>"]])) }) { res in
                    #expect(res.status == .created)
                    let domains = object(res)["domains"] as? [[String: Any]] ?? []
                    #expect(domains.count == 13 && domains.first?["domain"] as? String == "finances")
                    #expect(domains.last?["notAssessedReason"] as? String == "Niet besproken")
                }
                // The second one through the page.
                let page = try await PageSession.signIn(app, as: "coach.noordwest")
                var form = ["date": CalendarDate.today().description]
                for d in LifeDomain.allCases { form["levels.\(d.rawValue)"] = "4" }
                let saved = try await page.post("/inwoners/\(resident)/zrm", form)
                // validate
                #expect(saved.status == .ok && saved.body.string.contains("De meting is opgeslagen."))
                let html = saved.body.string
                #expect(html.contains("<svg") && html.contains("eerste en laatste meting") && html.contains("Schulden &lt;b&gt;groot&lt;/b&gt;"))
                try await app.testing().test(.GET, "/api/v1/residents/\(resident)/zrm-assessments", headers: coach) { res in
                    let list = (try? JSONSerialization.jsonObject(with: Data(buffer: res.body))) as? [[String: Any]] ?? []
                    #expect(list.count == 2 && list.first?["date"] as? String == CalendarDate.today().adding(days: -90).description)
                    let schema = AppTests.OpenAPITests.responseSchema(path: "/residents/{id}/zrm-assessments", method: "get", status: "200")!
                    #expect(SchemaCheck.problems(list, schema, at: "zrm").isEmpty)
                }
                // Logged; another area's coach learns nothing.
                #expect(try await AuditEntry.query(on: app.db).filter(\.$subject == "zrmAssessment").count() == 2)
                try await app.testing().test(.GET, "/api/v1/residents/\(resident)/zrm-assessments", headers: try await token(app, "coach.rkv")) { res in
                    #expect(res.status == .notFound)
                }
            }
        }
    }
}
