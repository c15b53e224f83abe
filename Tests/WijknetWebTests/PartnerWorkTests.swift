import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// Partners act (issue 15): a partner professional accepts or declines a direct route, reports
    /// the start and end of care and a referral's result, and reads what waits in an inbox; each
    /// step in the timeline and the audit log, on their organisation's own records only.
    @Suite struct PartnerWorkTests {
        static func routeDirect(_ app: Application, _ coach: HTTPHeaders, _ id: String, to partner: UUID) async throws {
            try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: coach,
                                         beforeRequest: { try $0.content.encode(JSON(["route": "direct", "partnerId": partner.uuidString])) }) { res in
                #expect(res.status == .ok)
            }
        }

        static func inboxKinds(_ app: Application, _ headers: HTTPHeaders) async throws -> [String] {
            var kinds: [String] = []
            try await app.testing().test(.GET, "/api/v1/inbox", headers: headers) { res in
                #expect(res.status == .ok)
                kinds = (object(res)["items"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            }
            return kinds
        }

        @Test func aPartnerAcceptsADirectRouteAndReportsTheStartOfCare() async throws {
            try await withApp { app, world in
                let coach = try await token(app, "coach.noordwest")
                let partner = try await token(app, "partner.noordwest")
                let provider = world.areas[0].wmoProviders[0]
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                try await Self.routeDirect(app, coach, id, to: provider)
                #expect(try await Self.inboxKinds(app, partner) == ["directRoute"])

                // MUT: accept.
                try await app.testing().test(.POST, "/api/v1/requests/\(id)/direct-response", headers: partner,
                                             beforeRequest: { try $0.content.encode(JSON(["accepted": true])) }) { res in
                    #expect(res.status == .created)
                    #expect(object(res)["accepted"] as? Bool == true)
                }
                #expect(try await Self.inboxKinds(app, partner) == [])
                try await app.testing().test(.POST, "/api/v1/requests/\(id)/direct-response", headers: partner,
                                             beforeRequest: { try $0.content.encode(JSON(["accepted": true])) }) { res in
                    #expect(res.status == .conflict, "accepted once")
                }

                // The coach records the care; it waits in the partner's inbox until the start is reported.
                _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/decision", headers: coach, beforeRequest: { req in
                    try req.content.encode(JSON(["outcomes": [["kind": "indicatedCare", "organisationId": provider.uuidString]]]))
                })
                var assignmentID = ""
                try await app.testing().test(.POST, "/api/v1/requests/\(id)/assignments", headers: coach, beforeRequest: { req in
                    try req.content.encode(JSON(["law": "wmo", "productId": world.products[.wmo]!.basic.uuidString, "providerId": provider.uuidString,
                                                 "hoursPerWeek": 3, "startDate": CalendarDate.today().description, "kind": "first"]))
                }) { res in
                    #expect(res.status == .created)
                    assignmentID = object(res)["id"] as? String ?? ""
                }
                #expect(try await Self.inboxKinds(app, partner) == ["careStart"])

                // Bad input: nothing, a start in the future, an end before the start.
                let tomorrow = CalendarDate.today().adding(days: 1).description
                for (body, field) in [([String: String](), "careStartedOn"), (["careStartedOn": tomorrow], "careStartedOn"),
                                      (["careStartedOn": CalendarDate.today().description, "careEndedOn": CalendarDate.today().adding(days: -1).description], "careEndedOn")] {
                    try await app.testing().test(.PATCH, "/api/v1/requests/\(id)/assignments/\(assignmentID)", headers: partner,
                                                 beforeRequest: { try $0.content.encode(JSON(body)) }) { res in
                        #expect(res.status == .unprocessableEntity)
                        #expect(problemFields(res).contains(field), "\(body)")
                    }
                }
                #expect(try await Assignment.find(UUID(uuidString: assignmentID), on: app.db)?.careStartedOn == nil)

                // MUT: the actual start.
                try await app.testing().test(.PATCH, "/api/v1/requests/\(id)/assignments/\(assignmentID)", headers: partner,
                                             beforeRequest: { try $0.content.encode(JSON(["careStartedOn": CalendarDate.today().description])) }) { res in
                    #expect(res.status == .ok)
                    #expect(object(res)["careStartedOn"] as? String == CalendarDate.today().description)
                }
                #expect(try await Self.inboxKinds(app, partner) == [])

                // The coach reads both steps in the case; the audit log has them as the partner's reports.
                try await app.testing().test(.GET, "/api/v1/requests/\(id)", headers: coach) { res in
                    let kinds = (object(res)["timeline"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
                    #expect(kinds.contains("directAccepted") && kinds.contains("careStarted"))
                    #expect((object(res)["directResponses"] as? [[String: Any]])?.count == 1)
                }
                let reports = try await AuditEntry.query(on: app.db).filter(\.$action == AuditAction.report.rawValue).all()
                #expect(reports.map(\.username).sorted() == ["partner.noordwest", "partner.noordwest"])
                // K8 reads the reported start.
                let records = try await FigureRecordsQuery.load(FigureScope(areaId: world.areas[0].id), on: app.db)
                #expect(records.flatMap(\.assignments).map(\.careStarted) == [CalendarDate.today()])

                // What the organisation reported, newest first.
                try await app.testing().test(.GET, "/api/v1/inbox/reported", headers: partner) { res in
                    let kinds = (object(res)["items"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
                    #expect(kinds == ["careStarted", "directAccepted"])
                }
            }
        }

        @Test func aDeclineNeedsAReasonAndSendsTheRequestBackToTheCoach() async throws {
            try await withApp { app, world in
                let coach = try await token(app, "coach.noordwest")
                let partner = try await token(app, "partner.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                try await Self.routeDirect(app, coach, id, to: world.areas[0].wmoProviders[0])
                for (body, field) in [(JSON(["accepted": false]), "reason"), (JSON(["accepted": false, "reason": "other"]), "reasonText"),
                                      (JSON(["reason": "noCapacity"]), "accepted")] {
                    try await app.testing().test(.POST, "/api/v1/requests/\(id)/direct-response", headers: partner,
                                                 beforeRequest: { try $0.content.encode(body) }) { res in
                        #expect(res.status == .unprocessableEntity)
                        #expect(problemFields(res) == [field])
                    }
                }
                #expect(try await DirectRouteResponse.query(on: app.db).count() == 0)

                try await app.testing().test(.POST, "/api/v1/requests/\(id)/direct-response", headers: partner,
                                             beforeRequest: { try $0.content.encode(JSON(["accepted": false, "reason": "noCapacity"])) }) { res in
                    #expect(res.status == .created)
                }
                // Back on the coach's list to route again; the partner no longer takes part.
                let request = try #require(try await SupportRequest.find(UUID(uuidString: id), on: app.db))
                #expect(request.status == .registered && request.route == nil && request.$directPartner.id == nil)
                try await app.testing().test(.GET, "/api/v1/requests/\(id)", headers: partner) { res in
                    #expect(res.status == .notFound)
                }
                try await app.testing().test(.GET, "/api/v1/requests/\(id)", headers: coach) { res in
                    let timeline = object(res)["timeline"] as? [[String: Any]] ?? []
                    #expect(timeline.last?["detail"] as? String == "Reden: \(DeclineReason.noCapacity.label)")
                }
                try await app.testing().test(.GET, "/api/v1/requests?declined=true", headers: coach) { res in
                    #expect((object(res)["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [id])
                }
                let page = try await PageSession.signIn(app, as: "coach.noordwest")
                let home = try await page.get("/").body.string
                #expect(home.contains("<a href=\"/verzoeken?declined=true\">Waarvan afgewezen door een partner</a> <span class=\"count has-work\">1</span>"))
                let html = try await page.get("/verzoeken/\(id)").body.string
                #expect(html.contains("wees het verzoek af") && html.contains(DeclineReason.noCapacity.label))
                #expect(html.contains("id=\"route\""), "the coach chooses a route again")
            }
        }

        @Test func aPartnerReportsOnlyOnItsOwnOrganisationsRecords() async throws {
            try await withApp { app, world in
                let coach = try await token(app, "coach.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                try await Self.routeDirect(app, coach, id, to: world.areas[0].wmoProviders[0])
                _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/decision", headers: coach, beforeRequest: { req in
                    try req.content.encode(JSON(["outcomes": [["kind": "welfare", "organisationId": world.areas[0].welfare[0].uuidString, "activity": "Budgetcursus"]]]))
                })
                var referralID = ""
                try await app.testing().test(.POST, "/api/v1/requests/\(id)/referrals", headers: coach, beforeRequest: { req in
                    try req.content.encode(JSON(["partnerId": world.areas[0].welfare[0].uuidString, "activity": "Budgetcursus",
                                                 "date": CalendarDate.today().description]))
                }) { res in referralID = object(res)["id"] as? String ?? "" }
                let welfareWorker = User(username: "welzijn.noordwest", displayName: "Welzijnswerker", role: .partner,
                                         passwordHash: try Bcrypt.hash(DemoPassword.value, cost: 4), organisationID: world.areas[0].welfare[0])
                try await welfareWorker.create(on: app.db)
                let welfare = try await token(app, "welzijn.noordwest")
                let careProvider = try await token(app, "partner.noordwest")
                #expect(try await Self.inboxKinds(app, welfare) == ["referralResult"])

                // The care provider is involved too (the direct route), but the referral is not theirs: 404, and logged.
                try await app.testing().test(.PATCH, "/api/v1/requests/\(id)/referrals/\(referralID)", headers: careProvider,
                                             beforeRequest: { try $0.content.encode(JSON(["status": "completed"])) }) { res in
                    #expect(res.status == .notFound)
                }
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == AuditAction.refused.rawValue)
                    .filter(\.$username == "partner.noordwest").count() == 1)
                // The welfare partner reports a result, but not the coach's statuses.
                try await app.testing().test(.PATCH, "/api/v1/requests/\(id)/referrals/\(referralID)", headers: welfare,
                                             beforeRequest: { try $0.content.encode(JSON(["status": "declined"])) }) { res in
                    #expect(res.status == .unprocessableEntity)
                }
                try await app.testing().test(.PATCH, "/api/v1/requests/\(id)/referrals/\(referralID)", headers: welfare,
                                             beforeRequest: { try $0.content.encode(JSON(["status": "notReached"])) }) { res in
                    #expect(res.status == .ok)
                    #expect(object(res)["status"] as? String == "notReached")
                }
                #expect(try await Self.inboxKinds(app, welfare) == [])
                // A partner of another area sees nothing of it, and cannot answer the direct route.
                let stranger = try await token(app, "partner.rkv")
                try await app.testing().test(.POST, "/api/v1/requests/\(id)/direct-response", headers: stranger,
                                             beforeRequest: { try $0.content.encode(JSON(["accepted": true])) }) { res in
                    #expect(res.status == .notFound)
                }
                #expect(try await Self.inboxKinds(app, stranger) == [])
                // The coach cannot report for the partner.
                try await app.testing().test(.POST, "/api/v1/requests/\(id)/direct-response", headers: coach,
                                             beforeRequest: { try $0.content.encode(JSON(["accepted": true])) }) { res in
                    #expect(res.status == .notFound)
                }
            }
        }

        @Test func thePartnerWorksFromTheInboxPage() async throws {
            try await withApp { app, world in
                let coach = try await token(app, "coach.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                try await Self.routeDirect(app, coach, id, to: world.areas[0].wmoProviders[0])
                let page = try await PageSession.signIn(app, as: "partner.noordwest")
                let home = try await page.get("/").body.string
                #expect(home.contains("Postvak: wacht op jullie organisatie"))
                let inbox = try await page.get("/postvak").body.string
                #expect(inbox.contains("Directe route: accepteren of afwijzen") && inbox.contains("Anna Jansen"))
                let casePage = try await page.get("/verzoeken/\(id)").body.string
                #expect(casePage.contains("id=\"reactie\""))
                // A decline without a reason shows the form again with the error.
                let refused = try await page.post("/verzoeken/\(id)/reactie", ["accepted": "false"])
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains("Reden van afwijzen is verplicht"))
                let accepted = try await page.post("/verzoeken/\(id)/reactie", ["accepted": "true"])
                #expect(accepted.status == .seeOther)
                let after = try await page.get("/verzoeken/\(id)").body.string
                #expect(after.contains("Jullie hebben het verzoek geaccepteerd.") && !after.contains("id=\"reactie\""))
                #expect(after.contains("geaccepteerd op"))
                let reported = try await page.get("/postvak/gemeld").body.string
                #expect(reported.contains("Geaccepteerd door de partner") && !reported.contains("Anna"))
            }
        }
    }
}
