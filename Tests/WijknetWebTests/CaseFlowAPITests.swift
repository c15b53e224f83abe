import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
@Suite struct CaseFlowAPITests {
    static func residentBody(_ world: DemoWorld, bsn: String = "999990019", area: Int = 0) -> JSON {
        JSON(["givenName": "Anna", "familyName": "Jansen", "birthDate": "1980-05-01", "bsn": bsn, "street": "Markt",
              "houseNumber": "1", "postcode": "6811 AB", "city": "Arnhem", "districtId": world.areas[area].districtIDs[0].uuidString])
    }

    /// Registers a resident and a request as the coach of the first area; returns the request's id.
    static func newRequest(_ app: Application, _ world: DemoWorld, _ coach: HTTPHeaders, bsn: String = "999990019", area: Int = 0) async throws -> String {
        var residentID = ""
        try await app.testing().test(.POST, "/api/v1/residents", headers: coach, beforeRequest: { try $0.content.encode(residentBody(world, bsn: bsn, area: area)) }) { res in
            #expect(res.status == .created)
            residentID = object(res)["id"] as? String ?? ""
        }
        var requestID = ""
        try await app.testing().test(.POST, "/api/v1/requests", headers: coach, beforeRequest: { req in
            try req.content.encode(JSON(["residentId": residentID, "intakeDate": CalendarDate.today().description,
                                         "summary": "Schulden en eenzaamheid", "law": "wmo", "lifeDomains": ["finances", "socialNetwork"],
                                         "urgency": "normal", "consentForMeeting": false]))
        }) { res in
            #expect(res.status == .created)
            requestID = object(res)["id"] as? String ?? ""
        }
        return requestID
    }

    @Test func requestTravelsThroughTheMeetingToAnAssignment() async throws {
        try await withApp { app, world in
            // setup
            let coach = try await token(app, "coach.noordwest")
            let chair = try await token(app, "voorzitter.noordwest")
            let id = try await Self.newRequest(app, world, coach)
            try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: coach,
                                         beforeRequest: { try $0.content.encode(JSON(["route": "meeting"])) }) { res in
                #expect(res.status == .ok)
                #expect(object(res)["status"] as? String == "inMeeting")
            }
            // The agenda shows the item without a name: no consent.
            var meetingID = ""
            try await app.testing().test(.GET, "/api/v1/meetings", headers: chair) { res in
                let list = (try? JSONSerialization.jsonObject(with: Data(buffer: res.body))) as? [[String: Any]] ?? []
                meetingID = list.first?["id"] as? String ?? ""
            }
            try await app.testing().test(.GET, "/api/v1/meetings/\(meetingID)", headers: chair) { res in
                let items = object(res)["items"] as? [[String: Any]] ?? []
                #expect(items.count == 1)
                #expect(items.first?["residentName"] == nil)
                #expect(items.first?["ageBand"] as? String == "27–49 jaar" || items.first?["ageBand"] as? String == "18–26 jaar" || items.first?["ageBand"] as? String == "50–66 jaar")
            }
            // MUT: care outside the network needs a reason.
            let outside = world.outsideWmo[0].uuidString
            try await app.testing().test(.POST, "/api/v1/requests/\(id)/decision", headers: chair, beforeRequest: { req in
                try req.content.encode(JSON(["outcomes": [["kind": "indicatedCare", "organisationId": outside]]]))
            }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(problemFields(res) == ["outcomes[0].outsideReason"])
            }
            // A decision belongs to a meeting that has been held (issue 11, point 7).
            let meeting = try #require(try await AgendaItem.query(on: app.db).with(\.$meeting).first()?.meeting)
            meeting.date = CalendarDate.today().adding(days: 1).description
            try await meeting.save(on: app.db)
            try await app.testing().test(.POST, "/api/v1/requests/\(id)/decision", headers: chair, beforeRequest: { req in
                try req.content.encode(JSON(["outcomes": [["kind": "welfare", "organisationId": world.areas[0].welfare[0].uuidString, "activity": "Budgetcursus"]]]))
            }) { res in
                #expect(res.status == .conflict)
                #expect((object(res)["detail"] as? String)?.contains("is nog niet gehouden") == true)
            }
            #expect(try await Outcome.query(on: app.db).count() == 0)
            let page = try await PageSession.signIn(app, as: "voorzitter.noordwest")
            let before = try await page.get("/verzoeken/\(id)").body.string
            #expect(before.contains("het besluit leg je vast op of na die dag") && !before.contains("id=\"besluit\""))
            try await holdMeeting(of: id, app)
            #expect(try await page.get("/verzoeken/\(id)").body.string.contains("id=\"besluit\""))
            try await app.testing().test(.POST, "/api/v1/requests/\(id)/decision", headers: chair, beforeRequest: { req in
                try req.content.encode(JSON(["outcomes": [["kind": "indicatedCare", "organisationId": outside, "outsideReason": "expertise-addiction"],
                                                          ["kind": "welfare", "organisationId": world.areas[0].welfare[0].uuidString, "activity": "Budgetcursus"]]]))
            }) { res in
                #expect(res.status == .created)
            }
            // An assignment at a core partner is inside, derived from the membership.
            let product = world.products[.wmo]!.basic.uuidString
            let inside = world.areas[0].wmoProviders[0].uuidString
            try await app.testing().test(.POST, "/api/v1/requests/\(id)/assignments", headers: coach, beforeRequest: { req in
                try req.content.encode(JSON(["law": "wmo", "productId": product, "providerId": inside, "hoursPerWeek": 3,
                                             "startDate": CalendarDate.today().description, "kind": "first"]))
            }) { res in
                #expect(res.status == .created)
                #expect(object(res)["insideNetwork"] as? Bool == true)
            }
            try await app.testing().test(.POST, "/api/v1/requests/\(id)/referrals", headers: coach, beforeRequest: { req in
                try req.content.encode(JSON(["partnerId": world.areas[0].welfare[0].uuidString, "activity": "Budgetcursus",
                                             "date": CalendarDate.today().description, "status": "started"]))
            }) { res in
                #expect(res.status == .created)
            }
            // validate: the case file tells the whole story.
            try await app.testing().test(.GET, "/api/v1/requests/\(id)", headers: coach) { res in
                #expect(res.status == .ok)
                let file = object(res)
                let timeline = (file["timeline"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
                #expect(timeline == ["registered", "placedOnAgenda", "decided", "assigned", "referred"])
                #expect((file["request"] as? [String: Any])?["status"] as? String == "inProgress")
                #expect((file["outcomes"] as? [Any])?.count == 2)
            }
        }
    }

    @Test func badInputGetsA422NamingTheFieldAndStoresNothing() async throws {
        try await withApp { app, world in
            let coach = try await token(app, "coach.noordwest")
            var body = Self.residentBody(world, bsn: "123456789")
            try await app.testing().test(.POST, "/api/v1/residents", headers: coach, beforeRequest: { try $0.content.encode(body) }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.headers.contentType?.description.contains("problem+json") == true)
                #expect(problemFields(res) == ["bsn"])
            }
            body = JSON(["givenName": "Anna"])
            try await app.testing().test(.POST, "/api/v1/residents", headers: coach, beforeRequest: { try $0.content.encode(body) }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(problemFields(res).contains("familyName"))
            }
            var headers = coach
            headers.contentType = .json
            try await app.testing().test(.POST, "/api/v1/residents", headers: headers, body: ByteBuffer(string: "{\"givenName\": ")) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(problemFields(res) == ["body"])
            }
            let unknownDistrict = Self.residentBody(world)
            var patched = unknownDistrict.value
            patched["districtId"] = AnyCodable(UUID().uuidString)
            try await app.testing().test(.POST, "/api/v1/residents", headers: coach, beforeRequest: { try $0.content.encode(JSON(patched.mapValues(\.value))) }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(problemFields(res) == ["districtId"])
            }
            #expect(try await Resident.query(on: app.db).count() == 0)

            let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
            let big = String(repeating: "x", count: 100_000)
            try await app.testing().test(.PATCH, "/api/v1/requests/\(id)", headers: coach, beforeRequest: { req in
                try req.content.encode(JSON(["version": 1, "summary": big, "urgency": "normal", "lifeDomains": ["finances"]]))
            }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(problemFields(res) == ["summary"])
            }
            try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: coach,
                                         beforeRequest: { try $0.content.encode(JSON(["route": "teleport"])) }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(problemFields(res) == ["route"])
            }
            _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: coach,
                                             beforeRequest: { try $0.content.encode(JSON(["route": "direct", "partnerId": world.areas[0].wmoProviders[0].uuidString])) })
            _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/decision", headers: coach, beforeRequest: { req in
                try req.content.encode(JSON(["outcomes": [["kind": "indicatedCare", "organisationId": world.areas[0].wmoProviders[0].uuidString]]]))
            })
            let assignment: [String: Any] = ["law": "wmo", "productId": world.products[.wmo]!.basic.uuidString,
                                             "providerId": world.areas[0].wmoProviders[0].uuidString, "hoursPerWeek": 0,
                                             "startDate": "2026-02-01", "endDate": "2026-01-01", "kind": "first"]
            try await app.testing().test(.POST, "/api/v1/requests/\(id)/assignments", headers: coach,
                                         beforeRequest: { try $0.content.encode(JSON(assignment)) }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(Set(problemFields(res)) == ["hoursPerWeek", "endDate"])
            }
            var unknownProvider = assignment
            unknownProvider["hoursPerWeek"] = 2
            unknownProvider["endDate"] = nil
            unknownProvider["providerId"] = UUID().uuidString
            try await app.testing().test(.POST, "/api/v1/requests/\(id)/assignments", headers: coach,
                                         beforeRequest: { try $0.content.encode(JSON(unknownProvider)) }) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(problemFields(res) == ["providerId"])
            }
            #expect(try await Assignment.query(on: app.db).count() == 0)
            #expect(try await SupportRequest.query(on: app.db).first()?.summary == "Schulden en eenzaamheid")
        }
    }

    @Test func secondSaveOfTheSameVersionIsAConflict() async throws {
        try await withApp { app, world in
            let coach = try await token(app, "coach.noordwest")
            let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
            let edit = { (summary: String) in JSON(["version": 1, "summary": summary, "urgency": "high", "lifeDomains": ["housing"]]) }
            try await app.testing().test(.PATCH, "/api/v1/requests/\(id)", headers: coach, beforeRequest: { try $0.content.encode(edit("eerste")) }) { res in
                #expect(res.status == .ok)
                #expect(object(res)["version"] as? Int == 2)
            }
            try await app.testing().test(.PATCH, "/api/v1/requests/\(id)", headers: coach, beforeRequest: { try $0.content.encode(edit("tweede")) }) { res in
                #expect(res.status == .conflict)
            }
            #expect(try await SupportRequest.query(on: app.db).first()?.summary == "eerste")
        }
    }

    @Test func othersCannotSeeACase() async throws {
        try await withApp { app, world in
            let coach = try await token(app, "coach.noordwest")
            let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
            for user in ["coach.rkv", "partner.rkv", "analist", "beheer"] {
                let other = try await token(app, user)
                try await app.testing().test(.GET, "/api/v1/requests/\(id)", headers: other) { res in
                    #expect(res.status == .notFound, "\(user)")
                }
            }
            try await app.testing().test(.GET, "/api/v1/requests/\(id)") { res in
                #expect(res.status == .unauthorized)
            }
            // The chair sees a request only once it is on the meeting's agenda.
            let chair = try await token(app, "voorzitter.noordwest")
            try await app.testing().test(.GET, "/api/v1/requests/\(id)", headers: chair) { res in
                #expect(res.status == .notFound)
            }
            _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: coach,
                                             beforeRequest: { try $0.content.encode(JSON(["route": "meeting"])) })
            try await app.testing().test(.GET, "/api/v1/requests/\(id)", headers: chair) { res in
                #expect(res.status == .ok)
            }
            try await app.testing().test(.GET, "/api/v1/requests", headers: chair) { res in
                #expect(object(res)["total"] as? Int == 1)
            }
        }
    }
}
}
