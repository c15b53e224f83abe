import Foundation
import Testing
import Vapor
import VaporTesting
@testable import ProgrammeStore
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// The programme register through the API (issue 17): policy staff build it, read it with each
    /// opgave's status and the facts behind it, and a change on an old version gets 409.
    @Suite struct ProgrammeAPITests {
        static func post(_ app: Application, _ path: String, _ headers: HTTPHeaders, _ body: [String: Any], method: HTTPMethod = .POST) async throws -> (UInt, [String: Any]) {
            var result: (UInt, [String: Any]) = (0, [:])
            try await app.testing().test(method, "/api/v1" + path, headers: headers, beforeRequest: { req in
                req.headers.contentType = .json
                req.body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
            }) { res in result = (res.status.code, object(res)) }
            return result
        }

        @Test func policyStaffBuildTheRegisterAndReadEachOpgavesStatus() async throws {
            try await withApp { app, _ in
                let analyst = try await token(app, "analist")
                let arnhem = try #require(try await Municipality.query(on: app.db).first()?.id)
                let (created, programme) = try await Self.post(app, "/programmes", analyst, [
                    "municipalityId": arnhem.uuidString, "name": "Transformatie Sociaal Domein", "firstDay": "2026-01-01", "lastDay": "2027-12-31"])
                #expect(created == 201)
                let programmeID = try #require(programme["id"] as? String)
                let (_, opgave) = try await Self.post(app, "/programmes/\(programmeID)/opgaven", analyst, [
                    "number": 7, "name": "Beter samenwerken, sturen en organiseren", "goal": "Een ongedeelde stad en organisatie."])
                let opgaveID = try #require(opgave["id"] as? String)
                let (_, initiative) = try await Self.post(app, "/opgaven/\(opgaveID)/initiatives", analyst, [
                    "title": "Sociaal gebiedsplan Rijnpark", "start": "2025-09-01", "status": "running",
                    "links": [["title": "Samenwerkingsovereenkomst Rijnpark"]]])
                let initiativeID = try #require(initiative["id"] as? String)
                let (_, milestone) = try await Self.post(app, "/initiatives/\(initiativeID)/milestones", analyst, [
                    "title": "Wensen en bedenkingen van de raad", "planned": "2030Q2"])
                let milestoneID = try #require(milestone["id"] as? String)

                // Read as of a day in the quarter: on schedule. After the quarter, unreached: late.
                // (Planned in 2030: a milestone planned before today must already say why it is late.)
                var register: [String: Any] = [:]
                try await app.testing().test(.GET, "/api/v1/programmes/\(programmeID)?on=2030-05-01", headers: analyst) { res in
                    #expect(res.status == .ok)
                    register = object(res)
                }
                let opgaven = try #require(register["opgaven"] as? [[String: Any]])
                #expect(opgaven.first?["status"] as? String == "onTrack")
                try await app.testing().test(.GET, "/api/v1/programmes/\(programmeID)?on=2030-07-01", headers: analyst) { res in
                    let opgave = (object(res)["opgaven"] as? [[String: Any]])?.first
                    #expect(opgave?["status"] as? String == "attention")
                    #expect((opgave?["statusReasons"] as? [String])?.first?.hasPrefix("Mijlpaal ‘Wensen en bedenkingen van de raad’ is te laat") == true)
                }
                try await app.testing().test(.GET, "/api/v1/programmes/\(programmeID)?on=gisteren", headers: analyst) { res in
                    #expect(res.status == .unprocessableEntity)
                }

                // Reached: one editor goes through on version 1; the second, on version 1 too, gets 409.
                let (changed, _) = try await Self.post(app, "/milestones/\(milestoneID)", analyst, [
                    "title": "Wensen en bedenkingen van de raad", "planned": "2030Q2", "reached": "2026-03-20", "reported": "done", "version": 1], method: .PATCH)
                #expect(changed == 204)
                let (conflict, problem) = try await Self.post(app, "/milestones/\(milestoneID)", analyst, [
                    "title": "Anders", "planned": "2030Q2", "version": 1], method: .PATCH)
                #expect(conflict == 409)
                #expect((problem["detail"] as? String)?.hasPrefix("Iemand anders heeft deze mijlpaal intussen gewijzigd.") == true)

                // Bad input: a clear message per field, nothing stored.
                let (invalid, refused) = try await Self.post(app, "/initiatives/\(initiativeID)/milestones", analyst, ["title": "Te vroeg", "planned": "2025-01-01"])
                #expect(invalid == 422)
                #expect(((refused["errors"] as? [[String: Any]])?.first?["message"] as? String) == "De mijlpaal ligt vóór de start van het initiatief (01-09-2025).")
                let (noVersion, _) = try await Self.post(app, "/opgaven/\(opgaveID)", analyst, ["number": 7, "name": "x", "goal": "y"], method: .PATCH)
                #expect(noVersion == 422)

                // The list, and no other role.
                try await app.testing().test(.GET, "/api/v1/programmes", headers: analyst) { res in
                    #expect(res.body.string.contains("Transformatie Sociaal Domein"))
                }
                let coach = try await token(app, "coach.noordwest")
                try await app.testing().test(.GET, "/api/v1/programmes/\(programmeID)", headers: coach) { res in #expect(res.status == .forbidden) }
            }
        }
    }
}

extension AppTests {
    /// The register's pages (issue 17): policy staff add a programme, an opgave, an initiative and
    /// a milestone in the browser, and a change on an old version keeps their text and says why.
    @Suite struct ProgrammePagesTests {
        @Test func policyStaffKeepTheRegisterInTheBrowser() async throws {
            try await withApp { app, _ in
                let session = try await PageSession.signIn(app, as: "analist")
                #expect(try await session.get("/").body.string.contains("href=\"/programma\""), "in the menu")
                let arnhem = try #require(try await Municipality.query(on: app.db).first()?.id)
                let refused = try await session.post("/programma", ["municipalityId": arnhem.uuidString, "name": "TSD", "firstDay": "2026-01-01", "lastDay": "2025-01-01"])
                #expect(refused.status == .unprocessableEntity && refused.body.string.contains("De laatste dag ligt vóór de eerste."))
                let created = try await session.post("/programma", ["municipalityId": arnhem.uuidString, "name": "Transformatie <Sociaal> Domein",
                                                                    "firstDay": "2026-01-01", "lastDay": "2027-12-31"])
                #expect(created.status == .seeOther)
                let programme = try #require(created.headers.first(name: .location))
                #expect(try await session.post(programme + "/opgaven", ["number": "4", "name": "Sociale basis", "goal": "Zorgzame en vitale gemeenschappen."]).status == .seeOther)
                let opgave = try #require(try await OpgaveRecord.query(on: app.db).first()?.id)
                #expect(try await session.post("/programma/opgaven/\(opgave)/initiatieven", ["title": "Eén brede regeling welzijnsbasis", "start": "2026-01-01",
                                                                                             "status": "running"]).status == .seeOther)
                let initiative = try #require(try await InitiativeRecord.query(on: app.db).first()?.id)
                let late = try await session.post("/programma/initiatieven/\(initiative)/mijlpalen", ["title": "Subsidiestelsel", "planned": "2026-02-01"])
                #expect(late.status == .unprocessableEntity && late.body.string.contains("De mijlpaal is te laat: geef de reden."))
                #expect(try await session.post("/programma/initiatieven/\(initiative)/mijlpalen", ["title": "Subsidiestelsel", "planned": "2026-02-01",
                                                                                                 "lateReason": "Wacht op de raad"]).status == .seeOther)
                let page = try await session.get(programme).body.string
                #expect(page.contains("Transformatie &lt;Sociaal&gt; Domein"), "escaped")
                #expect(page.contains("Status: Achter op schema") && page.contains("Mijlpaal ‘Subsidiestelsel’ is te laat"), "more than a quarter late")

                // Two editors on version 1: the second keeps their text and sees what is stored.
                let milestone = try #require(try await MilestoneRecord.query(on: app.db).first()?.id)
                let form = try await session.get("/programma/mijlpalen/\(milestone)").body.string
                #expect(form.contains("name=\"version\" value=\"1\""))
                #expect(try await session.post("/programma/mijlpalen/\(milestone)", ["title": "Subsidiestelsel", "planned": "2026-02-01",
                    "reached": "2026-03-01", "reported": "done", "version": "1"]).status == .seeOther)
                let conflict = try await session.post("/programma/mijlpalen/\(milestone)", ["title": "Mijn eigen tekst", "planned": "2026-02-01",
                    "lateReason": "Anders", "version": "1"])
                #expect(conflict.status == .conflict)
                #expect(conflict.body.string.contains("Mijn eigen tekst") && conflict.body.string.contains("Iemand anders heeft deze mijlpaal intussen gewijzigd."))
                #expect(conflict.body.string.contains("name=\"version\" value=\"2\""), "saving again is a choice made knowingly")
                #expect(try await MilestoneRecord.find(milestone, on: app.db)?.title == "Subsidiestelsel")
            }
        }
    }
}
