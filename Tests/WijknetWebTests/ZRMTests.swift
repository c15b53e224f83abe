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

    @Suite struct ZRM2010ImportTests {
        static let header = "bsn;datum;financien;dagbesteding;huisvesting;huiselijke_relaties;geestelijke_gezondheid;lichamelijke_gezondheid;verslaving;adl;sociaal_netwerk;maatschappelijke_participatie;justitie"

        @Test func aCoachImportsOlderAssessmentsThatStayZRM2010() async throws {
            try await withApp { app, world in
                // setup: a resident of the coach's area, and one of another area
                let coach = try await token(app, "coach.noordwest")
                let requestID = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                let resident = try #require(try await SupportRequest.find(UUID(uuidString: requestID), on: app.db)).$resident.id
                _ = try await AppTests.CaseFlowAPITests.newRequest(app, world, try await token(app, "coach.rkv"), bsn: "111222333", area: 1)
                var csv = coach
                csv.contentType = HTTPMediaType(type: "text", subType: "csv")
                let mine = "999990019;2019-03-04;2;3;4;5;1;2;3;4;;1;2"
                // MUT: a file with a resident of another area is refused whole, without saying whether they exist
                let refused = "\(Self.header)\n\(mine)\n111222333;2019-05-01;2;2;2;2;2;2;2;2;2;2;2\n"
                try await app.testing().test(.POST, "/api/v1/imports/zrm2010", headers: csv, body: ByteBuffer(string: refused)) { res in
                    #expect(res.status == .unprocessableEntity && problemFields(res) == ["line[3].bsn"])
                }
                #expect(try await ZRMAssessment.query(on: app.db).count() == 0, "nothing of the good line either")
                // MUT: the good file, twice
                try await app.testing().test(.POST, "/api/v1/imports/zrm2010", headers: csv, body: ByteBuffer(string: "\(Self.header)\n\(mine)\n")) { res in
                    #expect(res.status == .ok && object(res)["imported"] as? Double == 1)
                }
                try await app.testing().test(.POST, "/api/v1/imports/zrm2010", headers: csv, body: ByteBuffer(string: "\(Self.header)\n\(mine)\n")) { res in
                    #expect(object(res)["imported"] as? Double == 0 && object(res)["alreadyThere"] as? Double == 1)
                }
                // validate: eleven 2010 domains, levels as they were, the mapping named, never converted
                try await app.testing().test(.GET, "/api/v1/residents/\(resident)/zrm-assessments", headers: coach) { res in
                    let list = (try? JSONSerialization.jsonObject(with: Data(buffer: res.body))) as? [[String: Any]] ?? []
                    #expect(list.count == 1 && list.first?["version"] as? String == "zrm2010" && list.first?["importedAt"] is String)
                    let domains = list.first?["domains"] as? [[String: Any]] ?? []
                    #expect(domains.map { $0["domain"] as? String ?? "" } == ZRM2010Domain.allCases.map(\.rawValue))
                    #expect(domains[1]["level"] as? Int == 3 && domains[1]["becameIn2017"] as? [String] == ["workAndEducation", "timeUse"])
                    #expect(domains[8]["level"] == nil || domains[8]["level"] is NSNull)
                    #expect(domains[8]["notAssessedReason"] as? String == ZRM2010File.notAssessedReason)
                    let schema = AppTests.OpenAPITests.responseSchema(path: "/residents/{id}/zrm-assessments", method: "get", status: "200")!
                    #expect(SchemaCheck.problems(list, schema, at: "zrm").isEmpty)
                }
                let logged = try await AuditEntry.query(on: app.db).filter(\.$purpose == "ZRM 2010 geïmporteerd").all()
                #expect(logged.count == 1 && logged.first?.residentIDs == resident.uuidString)
                // The ZRM page shows it apart, with the mapping; the 2017 chart and the profiles do not use it.
                let page = try await PageSession.signIn(app, as: "coach.noordwest")
                let html = try await page.get("/inwoners/\(resident)/zrm").body.string
                #expect(html.contains("Oudere metingen (ZRM 2010)") && html.contains("in ZRM 2017 gesplitst in Werk &amp; opleiding en Tijdsbesteding"))
                #expect(html.contains("Er is nog geen meting.") && !html.contains("<svg"))
                #expect(try await ProfileService.scoredAssessments(in: .year(2019)!, on: app.db).isEmpty)
                // The resident's right of access includes it.
                try await app.testing().test(.GET, "/api/v1/residents/\(resident)/export", headers: coach) { res in
                    #expect((object(res)["zrmAssessments"] as? [Any])?.count == 1)
                }
                // Another role may not import.
                var analyst = try await token(app, "analist")
                analyst.contentType = csv.contentType
                try await app.testing().test(.POST, "/api/v1/imports/zrm2010", headers: analyst, body: ByteBuffer(string: "\(Self.header)\n\(mine)\n")) { res in
                    #expect(res.status == .forbidden)
                }
            }
        }

        @Test func theUploadPageListsProblemsOrSaysWhatWasImported() async throws {
            try await withApp { app, world in
                let coach = try await token(app, "coach.noordwest")
                _ = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                let session = try await PageSession.signIn(app, as: "coach.noordwest")
                let form = try await session.get("/import/zrm2010")
                #expect(form.status == .ok && form.body.string.contains("enctype=\"multipart/form-data\"") && form.body.string.contains("maatschappelijke_participatie"))
                // MUT: a bad file, then a good one
                let refused = try await session.upload("/import/zrm2010", file: "\(Self.header)\n111222333;2019-03-04;7;3;4;5;1;2;3;4;5;1;2\n")
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains("Het bestand is niet geïmporteerd") && refused.body.string.contains("Financiën: gebruik 1 tot en met 5"))
                let done = try await session.upload("/import/zrm2010", file: "\(Self.header)\n999990019;2019-03-04;2;3;4;5;1;2;3;4;5;1;2\n")
                #expect(done.status == .ok && done.body.string.contains("1 meting geïmporteerd, 0 al eerder geïmporteerd."))
                #expect(try await ZRMAssessment.query(on: app.db).filter(\.$version == "zrm2010").count() == 1)
                // Without a file: a Dutch message at the field.
                let empty = try await session.upload("/import/zrm2010", file: "")
                #expect(empty.status == .unprocessableEntity)
            }
        }
    }
}
