import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// Issue 11, point 2: inside or outside the network was frozen when an assignment was saved;
    /// ending a membership afterwards (entered late, as happens) changed no figure.
    @Suite struct PlacementTests {
        @Test func endingAMembershipRetroactivelyDerivesTheAssignmentsAgain() async throws {
            try await withApp { app, world in
                // setup: care by a core partner, decided and started a month ago
                let coach = try await token(app, "coach.noordwest")
                let provider = world.areas[0].wmoProviders[0]
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: coach,
                                                 beforeRequest: { try $0.content.encode(JSON(["route": "direct", "partnerId": provider.uuidString])) })
                _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/decision", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["outcomes": [["kind": "indicatedCare", "organisationId": provider.uuidString]]])) })
                let start = CalendarDate.today().adding(days: -30)
                try await app.testing().test(.POST, "/api/v1/requests/\(id)/assignments", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["law": "wmo", "productId": world.products[.wmo]!.basic.uuidString, "providerId": provider.uuidString,
                                                "hoursPerWeek": 2, "startDate": start.description, "kind": "first"])) }) { #expect($0.status == .created) }
                #expect(try await Assignment.query(on: app.db).first()?.insideNetwork == true)
                #expect(try await Outcome.query(on: app.db).first()?.insideNetwork == true)
                try await FigureTallies.refreshStale(asOf: .today(), on: app.db)
                #expect(try await FigureTallies.refreshStale(asOf: .today(), on: app.db) == 0)
                // MUT: the administrator enters, late, that the provider left the network sixty days ago
                let membership = try #require(try await Membership.query(on: app.db)
                    .filter(\.$organisation.$id == provider).filter(\.$network.$id == world.areas[0].networkID!).first())
                let admin = try await token(app, "beheer")
                try await app.testing().test(.POST, "/api/v1/memberships/\(membership.id!)/end", headers: admin, beforeRequest: {
                    try $0.content.encode(["endDate": CalendarDate.today().adding(days: -60).description]) }) { #expect($0.status == .ok) }
                // validate: the assignment and the decision's outcome are outside now, and the area's figures recount
                #expect(try await Assignment.query(on: app.db).first()?.insideNetwork == false)
                #expect(try await Outcome.query(on: app.db).first()?.insideNetwork == false)
                #expect(try await FigureTallies.refreshStale(asOf: .today(), on: app.db) == 1, "the area is recounted")
                let page = try await PageSession.signIn(app, as: "coach.noordwest")
                let html = try await page.get("/verzoeken/\(id)").body.string
                #expect(html.contains("Buiten netwerk") && !html.contains("Binnen netwerk"))
            }
        }
    }
}
