import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

/// Issue 11, point 5: a reason for care outside the network is asked where the process asks for
/// it (the meeting's decision), "niet vastgelegd" elsewhere, and the list is the administrator's.
extension AppTests {
    @Suite struct OutsideReasonTests {
        static func assign(_ app: Application, _ world: DemoWorld, _ coach: HTTPHeaders, _ id: String, provider: UUID,
                           reason: String? = nil) async throws -> [String: Any] {
            var body: [String: Any] = ["law": "wmo", "productId": world.products[.wmo]!.basic.uuidString, "providerId": provider.uuidString,
                                       "hoursPerWeek": 2, "startDate": CalendarDate.today().description, "kind": "first"]
            if let reason { body["outsideReason"] = reason }
            var result: [String: Any] = [:]
            try await app.testing().test(.POST, "/api/v1/requests/\(id)/assignments", headers: coach, beforeRequest: {
                try $0.content.encode(JSON(body))
            }) { res in
                #expect(res.status == .created, "\(res.body.string.prefix(300))")
                result = object(res)
            }
            return result
        }

        @Test func theDirectRouteAndItsAssignmentNeedNoReasonAndShowNotRecorded() async throws {
            try await withApp { app, world in
                let coach = try await token(app, "coach.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                let outside = world.outsideWmo[0]
                _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["route": "direct", "partnerId": world.areas[0].wmoProviders[0].uuidString])) })
                // MUT: before, a coach's decision on the direct route was refused without a reason.
                try await app.testing().test(.POST, "/api/v1/requests/\(id)/decision", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["outcomes": [["kind": "indicatedCare", "organisationId": outside.uuidString]]])) }) { res in
                    #expect(res.status == .created, "\(res.body.string.prefix(300))")
                }
                let assignment = try await Self.assign(app, world, coach, id, provider: outside)
                #expect(assignment["insideNetwork"] as? Bool == false)
                #expect(assignment["outsideReason"] == nil)
                let page = try await PageSession.signIn(app, as: "coach.noordwest")
                #expect(try await page.get("/verzoeken/\(id)").body.string.contains("<td>Niet vastgelegd</td>"))
            }
        }

        @Test func anAssignmentCarriesTheReasonTheMeetingGave() async throws {
            try await withApp { app, world in
                let coach = try await token(app, "coach.noordwest")
                let chair = try await token(app, "voorzitter.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["route": "meeting"])) })
                try await holdMeeting(of: id, app)
                let outside = world.outsideWmo[0]
                try await app.testing().test(.POST, "/api/v1/requests/\(id)/decision", headers: chair, beforeRequest: {
                    try $0.content.encode(JSON(["outcomes": [["kind": "indicatedCare", "organisationId": outside.uuidString,
                                                              "outsideReason": "no-capacity"]]])) }) { res in
                    #expect(res.status == .created)
                }
                let assignment = try await Self.assign(app, world, coach, id, provider: outside)
                #expect(assignment["outsideReason"] as? String == "no-capacity")
            }
        }

        @Test func anAdministratorManagesTheListThroughTheAPI() async throws {
            try await withApp { app, world in
                let admin = try await token(app, "beheer")
                let coach = try await token(app, "coach.noordwest")
                let add: [String: Any] = ["code": "expertise-dementie", "label": "Expertise ontbreekt: dementie"]
                try await app.testing().test(.POST, "/api/v1/outside-reasons", headers: coach, beforeRequest: { try $0.content.encode(JSON(add)) }) { res in
                    #expect(res.status == .forbidden)
                }
                try await app.testing().test(.POST, "/api/v1/outside-reasons", headers: admin, beforeRequest: {
                    try $0.content.encode(JSON(["code": "Dementie!", "label": "x"])) }) { res in
                    #expect(res.status == .unprocessableEntity)
                    #expect(problemFields(res) == ["code"])
                }
                try await app.testing().test(.POST, "/api/v1/outside-reasons", headers: admin, beforeRequest: { try $0.content.encode(JSON(add)) }) { res in
                    #expect(res.status == .created)
                    #expect(object(res)["retired"] as? Bool == false)
                }
                try await app.testing().test(.POST, "/api/v1/outside-reasons", headers: admin, beforeRequest: { try $0.content.encode(JSON(add)) }) { res in
                    #expect(res.status == .unprocessableEntity)
                }
                // Retired: no longer accepted, still listed and still named.
                try await app.testing().test(.PATCH, "/api/v1/outside-reasons/no-capacity", headers: admin, beforeRequest: {
                    try $0.content.encode(JSON(["retired": true])) }) { res in
                    #expect(res.status == .ok)
                    #expect(object(res)["retired"] as? Bool == true)
                    #expect(object(res)["label"] as? String == "Geen capaciteit in het netwerk")
                }
                try await app.testing().test(.PATCH, "/api/v1/outside-reasons/bestaat-niet", headers: admin, beforeRequest: {
                    try $0.content.encode(JSON(["retired": true])) }) { res in
                    #expect(res.status == .notFound)
                }
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["route": "direct", "partnerId": world.areas[0].wmoProviders[0].uuidString])) })
                try await app.testing().test(.POST, "/api/v1/requests/\(id)/decision", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["outcomes": [["kind": "indicatedCare", "organisationId": world.outsideWmo[0].uuidString,
                                                              "outsideReason": "no-capacity"]]])) }) { res in
                    #expect(res.status == .unprocessableEntity)
                    #expect(res.body.string.contains("niet meer in gebruik"))
                }
                try await app.testing().test(.GET, "/api/v1/outside-reasons", headers: coach) { res in
                    let list = (try? JSONSerialization.jsonObject(with: Data(buffer: res.body))) as? [[String: Any]] ?? []
                    #expect(list.contains { $0["code"] as? String == "no-capacity" && $0["retired"] as? Bool == true })
                    #expect(list.contains { $0["code"] as? String == "expertise-dementie" })
                }
                // The case form offers only reasons in use.
                let page = try await PageSession.signIn(app, as: "coach.noordwest")
                let form = try await page.get("/verzoeken/\(id)").body.string
                #expect(form.contains("Expertise ontbreekt: dementie") && !form.contains("Geen capaciteit in het netwerk"))
            }
        }

        @Test func anAdministratorManagesTheListInTheBrowser() async throws {
            try await withApp { app, _ in
                let coach = try await PageSession.signIn(app, as: "coach.noordwest")
                #expect(try await coach.get("/beheer/redenen").status == .forbidden)
                let admin = try await PageSession.signIn(app, as: "beheer")
                #expect(try await admin.get("/beheer").body.string.contains("/beheer/redenen"))
                _ = try await admin.get("/beheer/redenen")
                let bad = try await admin.post("/beheer/redenen", ["code": "", "label": "Wachtlijst"])
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.body.string.contains("Code is verplicht"))
                #expect(try await admin.post("/beheer/redenen", ["code": "wachtlijst", "label": "Wachtlijst in het netwerk", "requiresText": "on"]).status == .seeOther)
                let added = try #require(try await OutsideReason.query(on: app.db).filter(\.$code == "wachtlijst").first())
                #expect(added.requiresText && !added.retired)
                #expect(try await admin.post("/beheer/redenen/wijzigen", ["reason": "wachtlijst", "newLabel": "Wachtlijst bij netwerkpartners",
                                                                        "status": "niet-in-gebruik"]).status == .seeOther)
                let changed = try #require(try await OutsideReason.query(on: app.db).filter(\.$code == "wachtlijst").first())
                #expect(changed.label == "Wachtlijst bij netwerkpartners" && changed.retired && changed.requiresText)
                let list = try await admin.get("/beheer/redenen").body.string
                #expect(list.contains("Wachtlijst bij netwerkpartners") && list.contains("Niet meer in gebruik"))
            }
        }
    }
}
