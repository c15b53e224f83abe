import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    @Suite struct SurveyTests {
        @Test func professionalsAnswerOnceAnonymouslyAndResultsRespectDisclosureControl() async throws {
            try await withApp { app, world in
                // setup: the analyst's questions and the round of this quarter
                let analyst = try await token(app, "analist")
                var likertID = "", openID = ""
                try await app.testing().test(.POST, "/api/v1/survey/questions", headers: analyst, beforeRequest: {
                    try $0.content.encode(JSON(["text": "In het overleg besluiten we samen.", "kind": "likert"])) }) { res in
                    #expect(res.status == .created)
                    likertID = object(res)["id"] as? String ?? ""
                }
                try await app.testing().test(.POST, "/api/v1/survey/questions", headers: analyst, beforeRequest: {
                    try $0.content.encode(JSON(["text": "Wat kan beter?", "kind": "open"])) }) { res in
                    openID = object(res)["id"] as? String ?? ""
                }
                let quarter = ReportingPeriod.quarter(containing: .today()).description
                var roundID = ""
                try await app.testing().test(.POST, "/api/v1/survey/rounds", headers: analyst, beforeRequest: {
                    try $0.content.encode(JSON(["quarter": quarter])) }) { res in
                    #expect(res.status == .created)
                    roundID = object(res)["id"] as? String ?? ""
                }
                try await app.testing().test(.POST, "/api/v1/survey/rounds", headers: analyst, beforeRequest: {
                    try $0.content.encode(JSON(["quarter": quarter])) }) { res in
                    #expect(res.status == .unprocessableEntity, "one round per quarter")
                }
                // Four more professionals of a core partner in the first network, so ten can answer.
                let hash = try Bcrypt.hash(DemoPassword.value, cost: 4)
                for n in 2...5 {
                    try await User(username: "partner\(n)", displayName: "Professional \(n)", role: .partner, passwordHash: hash,
                                   organisationID: world.areas[0].wmoProviders[n - 1]).create(on: app.db)
                }
                let first = world.areas[0].networkID!.uuidString, second = world.areas[1].networkID!.uuidString
                let answerers: [(String, String, Int)] = [
                    ("coach.noordwest", first, 5), ("voorzitter.noordwest", first, 4), ("partner.noordwest", first, 4), ("partner2", first, 3),
                    ("partner3", first, 5), ("partner4", first, 4), ("partner5", first, 2),
                    ("coach.rkv", second, 5), ("voorzitter.rkv", second, 4),
                ]
                // MUT: nine answer through the API
                for (user, network, value) in answerers {
                    try await app.testing().test(.POST, "/api/v1/survey/rounds/\(roundID)/responses", headers: try await token(app, user), beforeRequest: {
                        try $0.content.encode(JSON(["networkId": network, "answers": [likertID: "\(value)", openID: "Meer tijd voor \(user)"]])) }) { res in
                        #expect(res.status == .created, "\(user)")
                    }
                }
                // … and the tenth through the page.
                let page = try await PageSession.signIn(app, as: "partner.rkv")
                let form = try await page.get("/enquete/rondes/\(roundID)")
                #expect(form.body.string.contains("type=\"radio\"") && form.body.string.contains("Helemaal eens"))
                let sent = try await page.post("/enquete/rondes/\(roundID)", ["networkId": second, "answers.\(likertID)": "4"])
                #expect(sent.body.string.contains("Je antwoorden zijn opgeslagen"))
                #expect(try await page.get("/enquete").body.string.contains("Ingevuld, dank je wel"))
                // validate: once per person per round
                let partner = try await token(app, "partner.noordwest")
                try await app.testing().test(.POST, "/api/v1/survey/rounds/\(roundID)/responses", headers: partner, beforeRequest: {
                    try $0.content.encode(JSON(["networkId": first, "answers": [likertID: "1"]])) }) { res in
                    #expect(res.status == .conflict)
                }
                try await app.testing().test(.POST, "/api/v1/survey/rounds/\(roundID)/responses", headers: try await token(app, "partner2"), beforeRequest: {
                    try $0.content.encode(JSON(["networkId": second, "answers": [likertID: "1"]])) }) { res in
                    #expect(res.status == .conflict || res.status == .unprocessableEntity)
                }
                // Anonymous: who took part is kept apart from what was answered.
                #expect(try await SurveyParticipation.query(on: app.db).count() == 10)
                #expect(try await SurveyResponse.query(on: app.db).count() == 10)
                // Results: all ten shown with their mean; the second network's three are suppressed.
                try await app.testing().test(.GET, "/api/v1/survey/rounds/\(roundID)/results", headers: try await token(app, "raad")) { res in
                    #expect(res.status == .ok)
                    let questions = object(res)["questions"] as? [[String: Any]] ?? []
                    let all = questions.first?["all"] as? [String: Any]
                    #expect(all?["responses"] as? Double == 10 && abs((all?["mean"] as? Double ?? 0) - 4.0) < 1e-9)
                    // Per point a count of people: below 5 hidden (issue 11, point 3).
                    #expect((all?["distribution"] as? [Any])?.map { $0 as? Double } == [nil, nil, nil, 5, nil])
                    let perNetwork = questions.first?["perNetwork"] as? [[String: Any]] ?? []
                    let rkv = perNetwork.first { $0["networkId"] as? String == second }
                    #expect(rkv?["suppressed"] as? Bool == true && rkv?["distribution"] == nil && rkv?["responses"] == nil)
                    #expect(questions.last?["openAnswers"] == nil, "open answers are for the analyst")
                    let schema = AppTests.OpenAPITests.responseSchema(path: "/survey/rounds/{id}/results", method: "get", status: "200")!
                    #expect(SchemaCheck.problems(object(res), schema, at: "results").isEmpty)
                }
                try await app.testing().test(.GET, "/api/v1/survey/rounds/\(roundID)/results", headers: analyst) { res in
                    let open = (object(res)["questions"] as? [[String: Any]])?.last?["openAnswers"] as? [String] ?? []
                    #expect(open.count == 9 && open == open.sorted())
                }
                let results = try await PageSession.signIn(app, as: "analist")
                #expect(try await results.get("/enquete/rondes/\(roundID)/resultaten").body.string.contains("Alle netwerken"))
                // The council letter of the quarter reports the statements.
                let letter = try await CouncilLetterReport.render(app, quarter: quarter, municipalityCode: "0202", markdown: true)
                #expect(letter.contains("| In het overleg besluiten we samen. | 10 | 4,0 |"))
                // A closed round takes no more answers.
                _ = try await app.testing().test(.POST, "/api/v1/survey/rounds/\(roundID)/close", headers: analyst)
                try await app.testing().test(.POST, "/api/v1/survey/rounds/\(roundID)/responses", headers: try await token(app, "partner.rkv"), beforeRequest: {
                    try $0.content.encode(JSON(["networkId": second, "answers": [likertID: "1"]])) }) { res in
                    #expect(res.status == .conflict)
                }
            }
        }
    }
}
