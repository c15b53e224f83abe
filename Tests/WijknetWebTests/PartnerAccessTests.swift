import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    @Suite struct PartnerAccessTests {
        @Test func aPartnerLosesAccessASetPeriodAfterTheirInvolvementEnds() async throws {
            try await withApp { app, world in
                // setup: a request routed directly to the partner's organisation
                let coach = try await token(app, "coach.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                let partnerUser = try #require(try await User.query(on: app.db).filter(\.$username == "partner.noordwest").first())
                let organisation = try #require(partnerUser.$organisation.id)
                _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["route": "direct", "partnerId": organisation.uuidString])) })
                let partner = try await token(app, "partner.noordwest")
                func sees() async throws -> (page: Bool, list: Int) {
                    var status: HTTPStatus = .internalServerError
                    try await app.testing().test(.GET, "/api/v1/requests/\(id)", headers: partner) { status = $0.status }
                    var total = -1
                    try await app.testing().test(.GET, "/api/v1/requests", headers: partner) { total = object($0)["total"] as? Int ?? -1 }
                    return (status == .ok, total)
                }
                #expect(try await sees() == (true, 1), "while the request is open")
                // MUT: the request closed 90 days ago (the standard period): still readable
                let sql = app.db as! any SQLDatabase
                let requestID = UUID(uuidString: id)!
                let closedOn = { (days: Int) in
                    try await sql.raw("UPDATE support_requests SET status = 'closed', closed_on = \(bind: CalendarDate.today().adding(days: -days).description) WHERE id = \(bind: requestID)").run()
                }
                try await closedOn(PartnerAccess.standard.daysAfterInvolvement)
                #expect(try await sees() == (true, 1))
                // validate: a day later the page and the list agree that it is gone
                try await closedOn(PartnerAccess.standard.daysAfterInvolvement + 1)
                #expect(try await sees() == (false, 0))
                // An assignment to the same organisation that is still running gives access again,
                // until its own end date and the period after it.
                let product = try #require(try await Product.query(on: app.db).first())
                let assignment = Assignment(requestID: requestID, valid: ValidAssignment(
                    draft: AssignmentDraft(law: .wmo, productID: product.id!, providerID: organisation, hoursPerWeek: 2,
                                           start: CalendarDate.today().adding(days: -300), end: CalendarDate.today().adding(days: -10),
                                           kind: .first, previousAssignmentID: nil, outsideReason: nil, outsideReasonText: nil),
                    insideNetwork: true, outsideReason: nil), userID: partnerUser.id!)
                try await assignment.create(on: app.db)
                #expect(try await sees() == (true, 1))
                assignment.end = CalendarDate.today().adding(days: -100).description
                try await assignment.save(on: app.db)
                #expect(try await sees() == (false, 0))
            }
        }
    
        @Test func corePartnersSeeTheirNetworksAgendaAsTheMeetingNeedsIt() async throws {
            try await withApp { app, world in
                // setup: a request without consent on the agenda of the first area's network
                let coach = try await token(app, "coach.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["route": "meeting"])) })
                let meeting = try #require(try await AgendaItem.query(on: app.db).first()).$meeting.id
                // MUT: the partner of a core member opens the agenda
                let page = try await PageSession.signIn(app, as: "partner.noordwest")
                let res = try await page.get("/overleggen/\(meeting)")
                // validate: pseudonymised, and no way into the case file
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("Zonder naam") && !html.contains("Jansen"))
                #expect(!html.contains("/verzoeken/\(id)"))
                try await app.testing().test(.GET, "/api/v1/requests/\(id)", headers: try await token(app, "partner.noordwest")) { res in
                    #expect(res.status == .notFound, "on the agenda is not involved")
                }
                // Planning is for the network's own people; another network's partner sees nothing.
                let partner = try await token(app, "partner.noordwest")
                try await app.testing().test(.POST, "/api/v1/meetings", headers: partner, beforeRequest: {
                    try $0.content.encode(JSON(["networkId": world.areas[0].networkID!.uuidString])) }) { res in
                    #expect(res.status == .forbidden)
                }
                try await app.testing().test(.GET, "/api/v1/meetings/\(meeting)", headers: try await token(app, "partner.rkv")) { res in
                    #expect(res.status == .notFound)
                }
                #expect(try await AuditEntry.query(on: app.db).filter(\.$username == "partner.noordwest").filter(\.$subject == "agenda").count() == 1)
            }
        }
    }
}
