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
    @Suite struct RetentionTests {
        /// Every figure for the council, for every scope, law and quarter of the data, as one value.
        static func allFigures(_ app: Application, _ world: DemoWorld, asOf: CalendarDate) async throws -> [String: CouncilFigures] {
            let scopes = [FigureScope()] + world.areas.map { FigureScope(areaId: $0.id) } + world.areas.compactMap { $0.networkID.map { FigureScope(networkId: $0) } }
            let periods = ReportingPeriod(first: asOf.adding(days: -720), last: asOf)!.quarters + [ReportingPeriod.year(asOf.year - 1)!]
            var result: [String: CouncilFigures] = [:]
            for (index, scope) in scopes.enumerated() {
                let records = try await FigureRecordsQuery.load(scope, on: app.db)
                for period in periods {
                    for law in [nil, Law.wmo, .jeugd] {
                        result["\(index) \(period) \(law?.rawValue ?? "-")"] = CouncilFigures.compute(records, period: period, law: law, asOf: asOf)
                    }
                }
            }
            return result
        }

        @Test func retentionRemovesExpiredPersonalDataAndKeepsEveryFigure() async throws {
            try await withApp { app, world in
                // setup: a year and a half of cases made through the services
                let today = CalendarDate.today()
                try await CaseGenerator(world: world, db: app.db, vault: app.vault).generate(count: 60, from: today.adding(days: -540), to: today.adding(days: -10), seed: 9)
                let before = try await Self.allFigures(app, world, asOf: today)
                #expect(before.values.contains { $0.discussedInMeeting > 0 } && before.values.contains { !$0.outsideReasons.isEmpty })
                let service = RetentionService(db: app.db, actor: RetentionService.scheduledRun, policy: .standard)
                // Nothing has expired today.
                #expect(try await service.run(on: today, apply: false) == .init(due: 0, anonymised: 0))
                let later = CalendarDate(year: today.year + 25, month: 1, day: 1)!
                let dryRun = try await service.run(on: later, apply: false)
                #expect(dryRun.due > 0 && dryRun.anonymised == 0)
                #expect(try await Resident.query(on: app.db).filter(\.$anonymisedOn != nil).count() == 0, "a dry run changes nothing")

                // MUT
                let report = try await service.run(on: later, apply: true)

                // validate: the figures are exactly the same
                #expect(report.anonymised == dryRun.due)
                let after = try await Self.allFigures(app, world, asOf: today)
                #expect(after == before)
                // The expired residents are gone as persons; open cases keep theirs.
                let residents = try await Resident.query(on: app.db).all()
                let gone = residents.filter(\.isAnonymised)
                #expect(gone.count == report.anonymised && gone.count < residents.count, "requests still open are kept")
                for resident in gone {
                    let personal = [resident.givenName, resident.familyName, resident.birthDate, resident.bsnSealed, resident.street, resident.postcode]
                    #expect(personal.allSatisfy { $0.isEmpty })
                    let requests = try await SupportRequest.query(on: app.db).filter(\.$resident.$id == resident.id!).all()
                    #expect(requests.allSatisfy { $0.summary.isEmpty && $0.status == .closed })
                    let ids = requests.compactMap(\.id)
                    let referrals = try await Referral.query(on: app.db).filter(\.$request.$id ~~ ids).all()
                    #expect(referrals.allSatisfy { $0.activity.isEmpty })
                    #expect(try await Outcome.query(on: app.db).filter(\.$request.$id ~~ ids).all().allSatisfy { $0.activity == nil && $0.note == nil })
                }
                for resident in residents where !resident.isAnonymised {
                    #expect(!resident.familyName.isEmpty && !resident.bsnSealed.isEmpty)
                }
                // Each removal is in the audit log, and the chain is whole.
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "erase").count() == report.anonymised)
                #expect(try await AuditLog.verify(on: app.db).problem == nil)
                // A second run finds nothing more to do.
                #expect(try await service.run(on: later, apply: true).due == 0)
                // The case page of an anonymised resident still opens, without a name.
                let coach = try await token(app, "coach.noordwest")
                let request = try #require(try await SupportRequest.query(on: app.db).filter(\.$area.$id == world.areas[0].id)
                    .filter(\.$resident.$id ~~ gone.compactMap(\.id)).first())
                try await app.testing().test(.GET, "/api/v1/requests/\(request.id!)", headers: coach) { res in
                    #expect(res.status == .ok)
                    let resident = object(res)["resident"] as? [String: Any]
                    #expect(resident?["bsnMasked"] as? String == "" && resident?["anonymisedOn"] as? String == later.description)
                }
                let page = try await PageSession.signIn(app, as: "coach.noordwest")
                let html = try await page.get("/verzoeken/\(request.id!)").body.string
                #expect(html.contains("Geanonimiseerde inwoner") && !html.contains("inzage-export"))
            }
        }

        @Test func aResidentIsErasedOnRequestOnlyAfterTheRetentionPeriod() async throws {
            try await withApp { app, world in
                // setup: a resident with an open request, and one registered long ago without requests
                let coach = try await token(app, "coach.noordwest")
                let requestID = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                let withRequest = try #require(try await SupportRequest.find(UUID(uuidString: requestID), on: app.db)).$resident.id
                var oldID = ""
                try await app.testing().test(.POST, "/api/v1/residents", headers: coach, beforeRequest: {
                    try $0.content.encode(AppTests.CaseFlowAPITests.residentBody(world, bsn: "111222333")) }) { res in
                    oldID = object(res)["id"] as? String ?? ""
                }
                let sql = app.db as! any SQLDatabase
                try await sql.raw("UPDATE residents SET created_at = \(bind: Date(timeIntervalSince1970: 1_400_000_000)) WHERE id = \(bind: UUID(uuidString: oldID)!)").run()
                // An assessment with a coach's note, which must go with the name.
                var levels = Dictionary(uniqueKeysWithValues: LifeDomain.allCases.map { ($0.rawValue, "3") })
                levels["justice"] = "na"
                try await app.testing().test(.POST, "/api/v1/residents/\(oldID)/zrm-assessments", headers: coach, beforeRequest: {
                    try $0.content.encode(JSON(["date": "2014-06-01", "levels": levels, "notes": ["finances": "Schuld bij de woningcorporatie"],
                                                "reasons": ["justice": "Wilde er niet over praten"]])) }) { res in
                    #expect(res.status == .created)
                }

                // MUT and validate: an open request keeps the data, with a clear answer
                try await app.testing().test(.GET, "/api/v1/residents/\(withRequest)/retention", headers: coach) { res in
                    #expect(object(res)["erasableNow"] as? Bool == false)
                }
                try await app.testing().test(.DELETE, "/api/v1/residents/\(withRequest)", headers: coach) { res in
                    #expect(res.status == .conflict)
                    #expect((object(res)["detail"] as? String)?.contains("bewaard blijven") == true)
                }
                // Another area's coach cannot erase, nor learn whether the resident exists.
                let other = try await token(app, "coach.rkv")
                try await app.testing().test(.DELETE, "/api/v1/residents/\(oldID)", headers: other) { res in
                    #expect(res.status == .notFound)
                }
                // The page asks for a confirmation first.
                let page = try await PageSession.signIn(app, as: "coach.noordwest")
                let form = try await page.get("/inwoners/\(oldID)/wissen").body.string
                #expect(form.contains("Gegevens definitief wissen"))
                let unconfirmed = try await page.post("/inwoners/\(oldID)/wissen", [:])
                #expect(unconfirmed.status == .unprocessableEntity)
                #expect(unconfirmed.body.string.contains("Bevestig dat de inwoner om verwijdering vraagt."))
                #expect(try await Resident.find(UUID(uuidString: oldID), on: app.db)?.isAnonymised == false)
                let done = try await page.post("/inwoners/\(oldID)/wissen", [:], lists: ["confirm": ["ja"]])
                #expect(done.body.string.contains("De gegevens van de inwoner zijn gewist."))
                #expect(try await Resident.find(UUID(uuidString: oldID), on: app.db)?.isAnonymised == true)
                let scores = try await ZRMScore.query(on: app.db).all()
                #expect(scores.count == 13 && scores.allSatisfy { $0.note == nil && $0.notAssessedReason == nil }, "the coach's words are gone")
                #expect(scores.filter { $0.level == 3 }.count == 12, "the levels stay for the effects")
                // Once erased the resident is no longer found.
                try await app.testing().test(.GET, "/api/v1/residents/\(oldID)", headers: coach) { res in
                    #expect(res.status == .notFound)
                }
                let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "erase").first())
                #expect(entry.username == "coach.noordwest" && entry.subjectID == oldID.uppercased())
            }
        }

        @Test func aCoachCorrectsAResidentsDetails() async throws {
            try await withApp { app, world in
                // setup
                let coach = try await token(app, "coach.noordwest")
                let requestID = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                let residentID = try #require(try await SupportRequest.find(UUID(uuidString: requestID), on: app.db)).$resident.id
                var body = AppTests.CaseFlowAPITests.residentBody(world).value.mapValues(\.value)
                // MUT: a wrong BSN is refused and nothing changes
                body["bsn"] = "123456789"
                body["familyName"] = "Jansen-de Vries"
                try await app.testing().test(.PUT, "/api/v1/residents/\(residentID)", headers: coach, beforeRequest: { try $0.content.encode(JSON(body)) }) { res in
                    #expect(res.status == .unprocessableEntity)
                    #expect(problemFields(res) == ["bsn"])
                }
                #expect(try await Resident.find(residentID, on: app.db)?.familyName == "Jansen")
                // A valid correction is stored and logged.
                body["bsn"] = "999990019"
                try await app.testing().test(.PUT, "/api/v1/residents/\(residentID)", headers: coach, beforeRequest: { try $0.content.encode(JSON(body)) }) { res in
                    #expect(res.status == .ok)
                    #expect(object(res)["familyName"] as? String == "Jansen-de Vries")
                }
                let last = try #require(try await AuditEntry.query(on: app.db).sort(\.$seq, .descending).first())
                #expect(last.action == "update" && last.subject == "resident" && last.purpose.contains("AVG art. 16"))
                // Another area's coach gets "not found", before any validation.
                let other = try await token(app, "coach.rkv")
                try await app.testing().test(.PUT, "/api/v1/residents/\(residentID)", headers: other, beforeRequest: { try $0.content.encode(JSON([:])) }) { res in
                    #expect(res.status == .notFound)
                }
                // The form: errors beside the field, and a script in a name comes back escaped.
                let page = try await PageSession.signIn(app, as: "coach.noordwest")
                #expect(try await page.get("/inwoners/\(residentID)/wijzigen").body.string.contains("value=\"999990019\""))
                var form = body.mapValues { "\($0)" }
                form["givenName"] = "<script>alert(1)</script>"
                form["postcode"] = "1234"
                let invalid = try await page.post("/inwoners/\(residentID)/wijzigen", form)
                #expect(invalid.status == .unprocessableEntity)
                #expect(invalid.body.string.contains("Postcode is ongeldig"))
                #expect(invalid.body.string.contains("&lt;script&gt;") && !invalid.body.string.contains("<script>alert"))
                form["postcode"] = "6811 AB"
                let saved = try await page.post("/inwoners/\(residentID)/wijzigen", form)
                #expect(saved.status == .ok && saved.body.string.contains("De gegevens zijn gecorrigeerd."))
                #expect(try await Resident.find(residentID, on: app.db)?.givenName == "<script>alert(1)</script>")
            }
        }
    }
}
