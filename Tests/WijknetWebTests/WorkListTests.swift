import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

/// What awaits a coach and a chair, without searching (issue 13, point 3).
extension AppTests {
    @Suite struct WorkListTests {
        static func post(_ app: Application, _ path: String, _ headers: HTTPHeaders, _ body: [String: Any], expect status: HTTPStatus = .created) async throws {
            try await app.testing().test(.POST, path, headers: headers, beforeRequest: { try $0.content.encode(JSON(body)) }) { res in
                #expect(res.status == status, "\(path): \(res.body.string)")
            }
        }

        /// Three requests in the meeting: one decided (welfare, referral proposed), two still open on its agenda.
        static func meetingWithThreeItems(_ app: Application, _ world: DemoWorld) async throws -> [String] {
            let coach = try await token(app, "coach.noordwest")
            let chair = try await token(app, "voorzitter.noordwest")
            var ids: [String] = []
            for bsn in ["999990019", "999990020", "999990032"] {
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach, bsn: bsn)
                try await post(app, "/api/v1/requests/\(id)/route", coach, ["route": "meeting"], expect: .ok)
                ids.append(id)
            }
            try await holdMeeting(of: ids[0], app)
            let welfare = world.areas[0].welfare[0].uuidString
            try await post(app, "/api/v1/requests/\(ids[0])/decision", chair, ["outcomes": [["kind": "welfare", "organisationId": welfare, "activity": "Budgetcursus"]]])
            return ids
        }

        @Test func theCoachsHomeListsWhatAwaitsThem() async throws {
            try await withApp { app, world in
                let ids = try await Self.meetingWithThreeItems(app, world)
                let coach = try await PageSession.signIn(app, as: "coach.noordwest")
                var home = try await coach.get("/").body.string
                #expect(home.contains("<a href=\"/verzoeken?status=decided\">Besloten, nog zonder toewijzing of toeleiding</a> <span class=\"count has-work\">1</span>"))
                #expect(home.contains("<a href=\"/verzoeken?status=inMeeting\">Op de agenda van het overleg</a> <span class=\"count has-work\">2</span>"))
                #expect(home.contains("<a href=\"/verzoeken?status=registered\">Wachten op een route</a> <span class=\"count\">0</span>"))
                #expect(home.contains("Volgend overleg: <a href=\"/overleggen/"))
                #expect(home.contains("Je zoekt eerst de inwoner op, of registreert die."))

                // The decided request gets its referral; until the partner reports a result it is on the list.
                let headers = try await token(app, "coach.noordwest")
                try await Self.post(app, "/api/v1/requests/\(ids[0])/referrals", headers, ["partnerId": world.areas[0].welfare[0].uuidString,
                                                                                       "activity": "Budgetcursus", "date": CalendarDate.today().description, "status": "proposed"])
                home = try await coach.get("/").body.string
                #expect(home.contains("<a href=\"/verzoeken?openReferral=true\">Toeleiding naar welzijn nog zonder uitkomst</a> <span class=\"count has-work\">1</span>"))
                let list = try await coach.get("/verzoeken?openReferral=true").body.string
                #expect(list.contains("1 verzoek") && list.contains("/verzoeken/\(ids[0])"))
                try await app.testing().test(.GET, "/api/v1/requests?openReferral=true", headers: headers) { res in
                    #expect((object(res)["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [ids[0]])
                }
                try await app.testing().test(.GET, "/api/v1/requests?openReferral=soms", headers: headers) { res in
                    #expect(res.status == .unprocessableEntity)
                }
            }
        }

        @Test func theChairGoesFromOneAgendaItemToTheNext() async throws {
            try await withApp { app, world in
                let ids = try await Self.meetingWithThreeItems(app, world)
                let chair = try await PageSession.signIn(app, as: "voorzitter.noordwest")
                // The decided first item leads to the second, the second to the third, the third back to the second.
                let first = try await chair.get("/verzoeken/\(ids[0])").body.string
                #expect(first.contains("<a href=\"/verzoeken/\(ids[1])\">Volgend agendapunt van dit overleg</a>"))
                let third = try await chair.get("/verzoeken/\(ids[2])").body.string
                #expect(third.contains("<a href=\"/verzoeken/\(ids[1])\">Volgend agendapunt van dit overleg</a>"))

                // The agenda says what each item is about, since when and how urgent.
                let meeting = try #require(try await AgendaItem.query(on: app.db).first()).$meeting.id
                let agenda = try await chair.get("/overleggen/\(meeting.uuidString)").body.string
                #expect(agenda.contains("Schulden en eenzaamheid"))
                #expect(agenda.contains(CalendarDate.today().dutch))
                let meetings = try await chair.get("/overleggen").body.string
                #expect(meetings.contains("Volgend overleg") && meetings.contains(CalendarDate.today().dutchWithWeekday))
            }
        }

        @Test func aResidentHasAPageWithTheirRequests() async throws {
            try await withApp { app, world in
                let headers = try await token(app, "coach.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, headers)
                let resident = try #require(try await Resident.query(on: app.db).first())
                let coach = try await PageSession.signIn(app, as: "coach.noordwest")
                let found = try await coach.post("/inwoners", ["q": "Jansen"]).body.string
                #expect(found.contains("<a href=\"/inwoners/\(resident.id!.uuidString)\">Anna Jansen</a>"))
                let page = try await coach.get("/inwoners/\(resident.id!.uuidString)")
                #expect(page.status == .ok)
                #expect(page.body.string.contains("<h1>Anna Jansen</h1>") && page.body.string.contains("/verzoeken/\(id)"))
                #expect(try await AuditEntry.query(on: app.db).filter(\.$subject == "resident").filter(\.$subjectID == resident.id!.uuidString).count() >= 1)
                // Another area's coach learns nothing, not even that the resident exists.
                let other = try await PageSession.signIn(app, as: "coach.rkv")
                #expect(try await other.get("/inwoners/\(resident.id!.uuidString)").status == .notFound)
                #expect(try await other.get("/inwoners/\(UUID().uuidString)").status == .notFound)
            }
        }

        /// Issue 15: the chair sees per core partner the agreed capacity against what runs.
        @Test func theAgendaShowsEachPartnersCapacityAgainstWhatRuns() async throws {
            try await withApp { app, world in
                let ids = try await Self.meetingWithThreeItems(app, world)
                let provider = world.areas[0].wmoProviders[0]
                let membership = try #require(try await Membership.query(on: app.db).filter(\.$organisation.$id == provider)
                    .filter(\.$network.$id == world.areas[0].networkID!).first())
                membership.capacityHoursPerWeek = 4
                try await membership.save(on: app.db)
                let coach = try await token(app, "coach.noordwest")
                try await Self.post(app, "/api/v1/requests/\(ids[0])/assignments", coach, [
                    "law": "wmo", "productId": world.products[.wmo]!.basic.uuidString, "providerId": provider.uuidString, "hoursPerWeek": 5,
                    "startDate": CalendarDate.today().description, "kind": "first"])
                let chair = try await PageSession.signIn(app, as: "voorzitter.noordwest")
                let meeting = try #require(try await AgendaItem.query(on: app.db).first()).$meeting.id
                let agenda = try await chair.get("/overleggen/\(meeting.uuidString)").body.string
                let name = try #require(try await Organisation.find(provider, on: app.db)).name
                #expect(agenda.contains("Capaciteit van de netwerkpartners"))
                #expect(agenda.contains("<td>\(name)</td><td>4</td><td>5</td><td><strong class=\"badge urgent\">125%, boven de afspraak</strong></td>"))
                // Partners take part in the meeting but do not see each other's capacity.
                let partner = try await PageSession.signIn(app, as: "partner.noordwest")
                #expect(!(try await partner.get("/overleggen/\(meeting.uuidString)").body.string.contains("Capaciteit van de netwerkpartners")))
            }
        }
    }
}
