import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

/// Issue 11, point 4: a BSN known in another area. Each area keeps its own record of a person and
/// sees only its own requests; a resident who moves takes their record along, logged; no answer
/// tells a coach that the person is known elsewhere.
extension AppTests {
    @Suite struct ResidentTransferTests {
        static func register(_ app: Application, _ world: DemoWorld, _ coach: HTTPHeaders, area: Int, name: String) async throws -> (status: HTTPStatus, id: String, body: String) {
            var body = AppTests.CaseFlowAPITests.residentBody(world, area: area).value.mapValues(\.value)
            body["givenName"] = name
            var result: (HTTPStatus, String, String) = (.ok, "", "")
            try await app.testing().test(.POST, "/api/v1/residents", headers: coach, beforeRequest: { try $0.content.encode(JSON(body)) }) { res in
                result = (res.status, object(res)["id"] as? String ?? "", res.body.string)
            }
            return result
        }

        static func request(_ app: Application, _ coach: HTTPHeaders, resident: String) async throws -> String {
            var id = ""
            try await app.testing().test(.POST, "/api/v1/requests", headers: coach, beforeRequest: { req in
                try req.content.encode(JSON(["residentId": resident, "intakeDate": CalendarDate.today().description, "summary": "Schulden",
                                             "law": "wmo", "lifeDomains": ["finances"], "urgency": "normal", "consentForMeeting": false]))
            }) { res in
                #expect(res.status == .created)
                id = object(res)["id"] as? String ?? ""
            }
            return id
        }

        static func status(_ app: Application, _ method: HTTPMethod, _ path: String, _ headers: HTTPHeaders) async throws -> HTTPStatus {
            var status = HTTPStatus.ok
            try await app.testing().test(method, path, headers: headers) { status = $0.status }
            return status
        }

        static func moveBody(_ world: DemoWorld, area: Int) -> JSON {
            JSON(["districtId": world.areas[area].districtIDs[0].uuidString, "street": "Kronenburgpassage", "houseNumber": "12",
                  "postcode": "6831 EB", "city": "Arnhem"])
        }

        @Test func aResidentKnownInAnotherAreaGetsThisAreasOwnRecordAndEachTeamSeesItsOwnRequests() async throws {
            try await withApp { app, world in
                let noordwest = try await token(app, "coach.noordwest")
                let rkv = try await token(app, "coach.rkv")
                let a = try await Self.register(app, world, noordwest, area: 0, name: "Anna")
                // MUT: before, this answered 422 "Er is al een inwoner met dit BSN geregistreerd".
                let b = try await Self.register(app, world, rkv, area: 1, name: "Anne")
                #expect(b.status == .created)
                #expect(!b.body.contains("Anna") && b.id != a.id)
                // The same BSN twice in one area is still refused.
                #expect(try await Self.register(app, world, rkv, area: 1, name: "Anne").status == .unprocessableEntity)
                let requestA = try await Self.request(app, noordwest, resident: a.id)
                let requestB = try await Self.request(app, rkv, resident: b.id)
                #expect(try await Self.status(app, .GET, "/api/v1/requests/\(requestB)", noordwest) == .notFound)
                #expect(try await Self.status(app, .GET, "/api/v1/requests/\(requestA)", rkv) == .notFound)
                #expect(try await Self.status(app, .GET, "/api/v1/residents/\(a.id)", rkv) == .notFound)
                try await app.testing().test(.POST, "/api/v1/residents/search", headers: rkv, beforeRequest: { try $0.content.encode(JSON(["q": "999990019"])) }) { res in
                    let found = (try? JSONSerialization.jsonObject(with: Data(buffer: res.body))) as? [[String: Any]] ?? []
                    #expect(found.map { $0["id"] as? String } == [b.id])
                    #expect(!res.body.string.contains("Anna"))
                }
            }
        }

        @Test func aResidentWhoMovesTakesTheRecordAlongAndTheOldTeamKeepsItsRequests() async throws {
            try await withApp { app, world in
                let noordwest = try await token(app, "coach.noordwest")
                let rkv = try await token(app, "coach.rkv")
                let a = try await Self.register(app, world, noordwest, area: 0, name: "Anna")
                let requestA = try await Self.request(app, noordwest, resident: a.id)
                // Not to a wijk of the own area: that is a correction of the address.
                try await app.testing().test(.POST, "/api/v1/residents/\(a.id)/transfer", headers: noordwest, beforeRequest: {
                    try $0.content.encode(Self.moveBody(world, area: 0)) }) { res in
                    #expect(res.status == .unprocessableEntity)
                    #expect(problemFields(res) == ["districtId"])
                }
                // Another area's coach cannot move someone else's record.
                #expect(try await Self.status(app, .POST, "/api/v1/residents/\(a.id)/transfer", rkv) == .notFound)
                try await app.testing().test(.POST, "/api/v1/residents/\(a.id)/transfer", headers: noordwest, beforeRequest: {
                    try $0.content.encode(Self.moveBody(world, area: 1)) }) { res in
                    #expect(res.status == .ok)
                    #expect(object(res)["area"] as? String == "Rijkerswoerd, Kronenburg en Vredenburg")
                }
                #expect(try await Self.status(app, .GET, "/api/v1/residents/\(a.id)", noordwest) == .notFound)
                #expect(try await Self.status(app, .GET, "/api/v1/residents/\(a.id)", rkv) == .ok)
                #expect(try await Self.status(app, .GET, "/api/v1/requests/\(requestA)", noordwest) == .ok)
                #expect(try await Self.status(app, .GET, "/api/v1/requests/\(requestA)", rkv) == .notFound)
                let moved = try #require(try await Resident.find(UUID(uuidString: a.id)!, on: app.db))
                #expect(moved.postcode == "6831EB" && moved.street == "Kronenburgpassage")
                #expect(try await SupportRequest.find(UUID(uuidString: requestA)!, on: app.db)?.$area.id == world.areas[0].id)
                let logged = try await AuditEntry.query(on: app.db).filter(\.$action == AuditAction.transfer.rawValue).all()
                #expect(logged.count == 1 && logged[0].purpose.contains("Rijkerswoerd"))
                // The new area finds the resident by BSN; registering them again there is refused as a duplicate.
                #expect(try await Self.register(app, world, rkv, area: 1, name: "Anna").status == .unprocessableEntity)
            }
        }

        @Test func aMoveIntoAnAreaThatKnowsThePersonMergesTheRecordsAndKeepsTheirHistory() async throws {
            try await withApp { app, world in
                let noordwest = try await token(app, "coach.noordwest")
                let rkv = try await token(app, "coach.rkv")
                let a = try await Self.register(app, world, noordwest, area: 0, name: "Anna")
                let requestA = try await Self.request(app, noordwest, resident: a.id)
                let b = try await Self.register(app, world, rkv, area: 1, name: "Anna")
                var answer = ""
                try await app.testing().test(.POST, "/api/v1/residents/\(a.id)/transfer", headers: noordwest, beforeRequest: {
                    try $0.content.encode(Self.moveBody(world, area: 1)) }) { res in
                    #expect(res.status == .ok)
                    answer = res.body.string
                }
                // The same answer as a move into an area that did not know the person.
                #expect(answer == #"{"area":"Rijkerswoerd, Kronenburg en Vredenburg"}"#)
                let old = try #require(try await Resident.find(UUID(uuidString: a.id)!, on: app.db))
                #expect(old.isAnonymised && old.mergedIntoID?.uuidString == b.id && old.familyName.isEmpty)
                #expect(try await SupportRequest.find(UUID(uuidString: requestA)!, on: app.db)?.$resident.id.uuidString == b.id)
                #expect(try await Self.status(app, .GET, "/api/v1/requests/\(requestA)", noordwest) == .ok)
                // The resident's export (new area) and the auditor's overview cover both records.
                try await app.testing().test(.GET, "/api/v1/residents/\(b.id)/export", headers: rkv) { res in
                    #expect(res.status == .ok)
                    #expect(res.body.string.contains(requestA.lowercased()) || res.body.string.contains(requestA))
                    #expect(res.body.string.contains("Inwoner geregistreerd"))
                }
                let auditor = try await token(app, "auditor")
                try await app.testing().test(.POST, "/api/v1/audit/resident-access", headers: auditor, beforeRequest: {
                    try $0.content.encode(JSON(["bsn": "999990019"])) }) { res in
                    let entries = (try? JSONSerialization.jsonObject(with: Data(buffer: res.body))) as? [[String: Any]] ?? []
                    #expect(entries.filter { $0["purpose"] as? String == "Inwoner geregistreerd" }.count == 2)
                    #expect(entries.contains { $0["action"] as? String == "transfer" })
                }
            }
        }

        @Test func theMoveIsOfferedInTheBrowser() async throws {
            try await withApp { app, world in
                let noordwest = try await token(app, "coach.noordwest")
                let a = try await Self.register(app, world, noordwest, area: 0, name: "Anna")
                let page = try await PageSession.signIn(app, as: "coach.noordwest")
                #expect(try await page.get("/inwoners/\(a.id)/wijzigen").body.string.contains("/inwoners/\(a.id)/verhuizen"))
                let form = try await page.get("/inwoners/\(a.id)/verhuizen").body.string
                #expect(form.contains("Kronenburg") && !form.contains(">Klarendal ("))
                let bad = try await page.post("/inwoners/\(a.id)/verhuizen", ["districtId": world.areas[1].districtIDs[0].uuidString, "postcode": "68"])
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.body.string.contains("Postcode is ongeldig"))
                let done = try await page.post("/inwoners/\(a.id)/verhuizen", ["districtId": world.areas[1].districtIDs[0].uuidString,
                                                                               "street": "Kronenburgpassage", "houseNumber": "12", "postcode": "6831 EB", "city": "Arnhem"])
                #expect(done.status == .ok)
                #expect(done.body.string.contains("Dossier overgedragen"))
                #expect(try await page.get("/inwoners/\(a.id)/wijzigen").status == .notFound)
            }
        }
    }
}
