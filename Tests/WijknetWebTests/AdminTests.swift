import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    @Suite struct AdminTests {
        @Test func anAdministratorAddsAProviderToANetworkAndEndsItWithoutRewritingThePast() async throws {
            try await withApp { app, world in
                // setup: a new provider, added to the network from a past date through the pages.
                let admin = try await PageSession.signIn(app, as: "beheer")
                _ = try await admin.get("/beheer/organisaties")
                let created = try await admin.post("/beheer/organisaties", ["name": "Nieuwe Zorg BV", "kind": "wmoCare", "expertise": "autisme, Verslaving"])
                #expect(created.status == .seeOther)
                let provider = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Nieuwe Zorg BV").first())
                #expect(provider.expertise == ["autisme", "verslaving"])
                let network = world.areas[0].networkID!
                let start = CalendarDate.today().adding(days: -30)
                _ = try await admin.get("/beheer/netwerken/\(network.uuidString)")
                let joined = try await admin.post("/beheer/netwerken/\(network.uuidString)", [
                    "organisationId": provider.id!.uuidString, "ring": "core", "startDate": start.description, "capacityHoursPerWeek": "12,5"])
                #expect(joined.status == .seeOther)
                let membership = try #require(try await Membership.query(on: app.db).filter(\.$organisation.$id == provider.id!).first())
                #expect(membership.capacityHoursPerWeek == 12.5)

                // An assignment while it is a member is inside the network.
                let coach = try await token(app, "coach.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["route": "direct", "partnerId": provider.id!.uuidString])) })
                _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/decision", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["outcomes": [["kind": "indicatedCare", "organisationId": provider.id!.uuidString]]])) })
                try await app.testing().test(.POST, "/api/v1/requests/\(id)/assignments", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["law": "wmo", "productId": world.products[.wmo]!.specialist.uuidString,
                                                "providerId": provider.id!.uuidString, "hoursPerWeek": 4,
                                                "startDate": start.adding(days: 5).description]))
                }) { res in
                    #expect(res.status == .created)
                    #expect(object(res)["insideNetwork"] as? Bool == true)
                }

                // MUT: the membership ends; an end before the start is refused first.
                let endPath = "/beheer/netwerken/\(network.uuidString)/leden/\(membership.id!.uuidString)/beeindigen"
                let early = try await admin.post(endPath, ["endDate": start.adding(days: -1).description, "confirm": "ja"])
                #expect(early.status == .unprocessableEntity)
                #expect(early.body.string.contains("vóór de startdatum"))
                // Ending asks to confirm first, and changes nothing until then.
                let asked = try await admin.post(endPath, ["endDate": start.adding(days: 10).description])
                #expect(asked.status == .ok && asked.body.string.contains("class=\"danger\">Ja, beëindigen per \(start.adding(days: 10).dutch)</button>"))
                #expect(try await Membership.find(membership.id, on: app.db)?.end == nil)
                let ended = try await admin.post(endPath, ["endDate": start.adding(days: 10).description, "confirm": "ja"])
                #expect(ended.status == .seeOther)

                // validate: the earlier assignment stays inside; a new one after the end is outside.
                #expect(try await Assignment.query(on: app.db).first()?.insideNetwork == true)
                try await app.testing().test(.POST, "/api/v1/requests/\(id)/assignments", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["law": "wmo", "productId": world.products[.wmo]!.basic.uuidString,
                                                "providerId": provider.id!.uuidString, "hoursPerWeek": 2,
                                                "startDate": start.adding(days: 11).description, "kind": "first"]))
                }) { res in
                    #expect(res.status == .created)
                    #expect(object(res)["insideNetwork"] as? Bool == false)
                }
                let history = try await Membership.query(on: app.db).filter(\.$organisation.$id == provider.id!).all()
                #expect(history.count == 1 && history[0].end == start.adding(days: 10).description)
            }
        }

        @Test func geographyIsManagedInTheBrowser() async throws {
            try await withApp { app, _ in
                let admin = try await PageSession.signIn(app, as: "beheer")
                let overview = try await admin.get("/beheer")
                #expect(overview.body.string.contains("Noordwest-Arnhem"))
                let municipality = try #require(try await Municipality.query(on: app.db).first())
                #expect(try await admin.post("/beheer/gebieden", ["name": "Centrum", "municipalityId": municipality.id!.uuidString]).status == .seeOther)
                let area = try #require(try await Area.query(on: app.db).filter(\.$name == "Centrum").first())
                let bad = try await admin.post("/beheer/wijken", ["code": "Centrum", "name": "Centrum", "areaId": area.id!.uuidString])
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.body.string.contains("WK020201"))
                #expect(try await admin.post("/beheer/wijken", ["code": "WK020299", "name": "Centrum", "areaId": area.id!.uuidString]).status == .seeOther)
                #expect(try await admin.post("/beheer/netwerken", ["name": "Wijknetwerk Centrum", "areaId": area.id!.uuidString, "meetingWeekday": "3"]).status == .seeOther)
                let again = try await admin.post("/beheer/netwerken", ["name": "Tweede", "areaId": area.id!.uuidString, "meetingWeekday": "3"])
                #expect(again.status == .unprocessableEntity)
                #expect(again.body.string.contains("heeft al een wijknetwerk"))
            }
        }
    }
}
