import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// Issue 12, points 8 and 9: what the attack probe found besides the larger holes.
    @Suite struct SecurityProbeTests {
        static func route(_ app: Application, _ coach: HTTPHeaders, _ id: String, to partner: UUID) async throws -> (UInt, [String: Any]) {
            var result: (UInt, [String: Any]) = (0, [:])
            try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: coach, beforeRequest: {
                try $0.content.encode(JSON(["route": "direct", "partnerId": partner.uuidString])) }) { res in
                result = (res.status.code, object(res))
            }
            return result
        }

        /// Whoever is the direct partner reads the case: a school, a GP or another area's
        /// provider must not be chosen.
        @Test func aDirectRouteGoesOnlyToTheAreasNetworkPartners() async throws {
            try await withApp { app, world in
                let coach = try await token(app, "coach.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                let school = try #require(try await Organisation.query(on: app.db).filter(\.$kind == .education).first())
                let gp = try #require(try await Organisation.query(on: app.db).filter(\.$kind == .generalPractice).first())
                for refused in [school.id!, gp.id!, world.areas[1].wmoProviders[0], world.areas[1].welfare[0]] {
                    let (status, body) = try await Self.route(app, coach, id, to: refused)
                    #expect(status == 422)
                    #expect((body["errors"] as? [[String: Any]])?.first?["field"] as? String == "partnerId")
                }
                #expect(try await SupportRequest.find(UUID(uuidString: id), on: app.db)?.status == .registered, "nothing changed")
                #expect(try await Self.route(app, coach, id, to: world.areas[0].wmoProviders[0]).0 == 200)
                // The page offers only the partners it accepts.
                let page = try await PageSession.signIn(app, as: "coach.noordwest")
                let other = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach, bsn: "111222333")
                let html = try await page.get("/verzoeken/\(other)").body.string
                #expect(!html.contains(school.name) && html.contains("value=\"\(world.areas[0].wmoProviders[0].uuidString)\""))
            }
        }
    }
}

extension AppTests.SecurityProbeTests {
    @Test func aHugeResidentSearchIsRefusedNotAServerError() async throws {
        try await withApp { app, _ in
            let coach = try await token(app, "coach.noordwest")
            try await app.testing().test(.POST, "/api/v1/residents/search", headers: coach, beforeRequest: {
                try $0.content.encode(["q": String(repeating: "a", count: 50_001)]) }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect((object(res)["errors"] as? [[String: Any]])?.first?["field"] as? String == "q")
            }
        }
    }

    /// A NUL cuts a text short elsewhere; a right-to-left override makes a name read as another.
    @Test(arguments: ["Jan\u{0}sen", "Jan\u{202E}nesnaJ", "Jan\u{7}sen", "Jan\u{2066}sen"])
    func hiddenCharactersAreRefusedInTextFields(name: String) async throws {
        try await withApp { app, world in
            let coach = try await token(app, "coach.noordwest")
            var body = AppTests.CaseFlowAPITests.residentBody(world).value.mapValues(\.value)
            body["familyName"] = name
            try await app.testing().test(.POST, "/api/v1/residents", headers: coach, beforeRequest: { try $0.content.encode(JSON(body)) }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect((object(res)["errors"] as? [[String: Any]])?.first?["field"] as? String == "familyName")
            }
            #expect(try await Resident.query(on: app.db).count() == 0)
        }
    }

    @Test func importIdsWithHiddenCharactersAreRefused() {
        let file = "bron_id;wet;productcode;aanbieder;wijkcode;start;einde;uren_per_week;soort\nA\u{0}1;wmo;wmo-bb;zorg aan huis 1;WK020201;2025-01-01;;2;eerste\n"
        let references = HistoryFile.References(productLaws: ["wmo-bb": .wmo], providers: ["zorg aan huis 1"], districts: ["WK020201"])
        let problems = HistoryFile.check(file, references: references).problems
        #expect(problems.contains { $0.column == "bron_id" && $0.message.contains("stuurteken") })
    }

    @Test func anIntakeBeforeTheResidentsBirthIsRefused() async throws {
        try await withApp { app, world in
            let coach = try await token(app, "coach.noordwest")
            var residentID = ""
            try await app.testing().test(.POST, "/api/v1/residents", headers: coach, beforeRequest: {
                try $0.content.encode(AppTests.CaseFlowAPITests.residentBody(world)) }) { residentID = object($0)["id"] as? String ?? "" }
            try await app.testing().test(.POST, "/api/v1/requests", headers: coach, beforeRequest: {
                try $0.content.encode(JSON(["residentId": residentID, "intakeDate": "1979-12-31", "summary": "x", "law": "wmo",
                                            "lifeDomains": ["finances"], "urgency": "normal"])) }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect((object(res)["errors"] as? [[String: Any]])?.first?["field"] as? String == "intakeDate")
            }
        }
    }

    @Test func bodiesTooLargeOrOfAnUnknownTypeAreAnsweredInDutch() async throws {
        try await withApp { app, _ in
            let coach = try await token(app, "coach.noordwest")
            var headers = coach
            headers.contentType = .json
            // Vapor refuses an oversized body itself, in English; the answer is ours.
            let tooLarge = ErrorMapping.problem(for: Abort(.payloadTooLarge))
            #expect(tooLarge.status == 413 && tooLarge.detail == "Wat je stuurt is groter dan Wijknet hier aanneemt.")
            headers.contentType = .xml
            try await app.testing().test(.POST, "/api/v1/residents/search", headers: headers, body: ByteBuffer(string: "<q/>")) { res in
                #expect(res.status == .unsupportedMediaType)
                #expect((object(res)["detail"] as? String)?.hasPrefix("Wijknet leest dit formaat hier niet.") == true)
            }
        }
    }

    /// A token copied into a forgotten script stops working; its expiry is shown.
    @Test func apiTokensExpire() async throws {
        try await withApp { app, _ in
            let coach = try await token(app, "coach.noordwest")
            try await app.testing().test(.GET, "/api/v1/tokens", headers: coach) { res in
                let list = (try? JSONSerialization.jsonObject(with: Data(buffer: res.body))) as? [[String: Any]] ?? []
                #expect(list.first?["expiresAt"] != nil)
                #expect(list.first?["lastUsedAt"] != nil, "the owner sees when a token was last used")
            }
            let used = try #require(try await UserToken.query(on: app.db).first()?.lastUsedAt)
            try await app.testing().test(.GET, "/api/v1/me", headers: coach) { #expect($0.status == .ok) }
            #expect(try await UserToken.query(on: app.db).first()?.lastUsedAt == used, "written at most once an hour")
            for token in try await UserToken.query(on: app.db).all() {
                token.expiresAt = Date().addingTimeInterval(-1)
                try await token.save(on: app.db)
            }
            try await app.testing().test(.GET, "/api/v1/me", headers: coach) { #expect($0.status == .unauthorized) }
            // A name too long is refused, not cut short.
            try await app.testing().test(.POST, "/api/v1/tokens", beforeRequest: {
                try $0.content.encode(["username": "coach.noordwest", "password": DemoPassword.value, "name": String(repeating: "n", count: 101)]) }) {
                #expect($0.status == .unprocessableEntity)
            }
        }
    }

    /// docs/security.md: the resident questionnaire is the coach's; an involved partner and the chair read the case without it.
    @Test func onlyTheCoachReadsTheResidentQuestionnaire() async throws {
        try await withApp { app, world in
            let coach = try await token(app, "coach.noordwest")
            let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
            _ = try await Self.route(app, coach, id, to: world.areas[0].wmoProviders[0])
            let partner = try await token(app, "partner.noordwest")
            try await app.testing().test(.GET, "/api/v1/requests/\(id)", headers: partner) { #expect($0.status == .ok) }
            try await app.testing().test(.GET, "/api/v1/requests/\(id)/effect-measurements", headers: partner) { #expect($0.status == .notFound) }
            try await app.testing().test(.GET, "/api/v1/requests/\(id)/effect-measurements", headers: coach) { #expect($0.status == .ok) }
        }
    }
}
