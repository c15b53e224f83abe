import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    @Suite struct EffectMeasurementTests {
        @Test func theChangeBetweenIntakeAndFollowUpIsShownPerNetworkAndOutside() async throws {
            try await withApp { app, world in
                // setup: cases from more than a year ago, and the questionnaire at intake and 190 days later
                let today = CalendarDate.today()
                try await CaseGenerator(world: world, db: app.db, vault: app.vault).generate(count: 80, from: today.adding(days: -500), to: today.adding(days: -200), seed: 21)
                let coach = world.areas[0].coach
                let service = EffectService(db: app.db, actor: coach)
                let records = try await FigureRecordsQuery.load(FigureScope(areaId: world.areas[0].id), on: app.db)
                var expected: [EffectGroup: Int] = [:]
                var onlyIntake: UUID?
                for record in records {
                    let firsts = record.assignments.filter { $0.kind == .first }.map(\.insideNetwork)
                    guard let group = EffectGroup.of(network: world.areas[0].networkID, firstAssignmentsInside: firsts,
                                                     hasWelfare: record.referrals.contains(where: \.counts)) else { continue }
                    let all = { (score: Int) in Dictionary(uniqueKeysWithValues: ResidentQuestion.allCases.map { ($0.rawValue, "\(score)") }) }
                    _ = try await service.record(record.id, EffectMeasurementInput(moment: "intake", date: record.intake.description, scores: all(2)))
                    if onlyIntake == nil { onlyIntake = record.id; continue }
                    _ = try await service.record(record.id, EffectMeasurementInput(moment: "followUp", date: record.intake.adding(days: 190).description,
                                                                                    scores: all(group == .outside ? 3 : 4)))
                    expected[group, default: 0] += 1
                }
                let inside = expected[.network(world.areas[0].networkID!)] ?? 0
                #expect(inside >= 10, "enough pairs inside to show a mean (\(inside))")
                // MUT
                let period = ReportingPeriod(first: today.adding(days: -400), last: today)!
                try await app.testing().test(.GET, "/api/v1/figures/effects?period=\(period)", headers: try await token(app, "analist")) { res in
                    // validate
                    #expect(res.status == .ok)
                    let changes = (try? JSONSerialization.jsonObject(with: Data(buffer: res.body))) as? [[String: Any]] ?? []
                    let health = changes.filter { $0["item"] as? String == "health" }
                    let mine = health.first { $0["networkId"] as? String == world.areas[0].networkID!.uuidString }
                    #expect(mine?["pairs"] as? Double == Double(inside) && mine?["change"] as? Double == 2 && mine?["before"] as? Double == 2)
                    let outside = health.first { $0["outside"] as? Bool == true }
                    let outsidePairs = expected[.outside] ?? 0
                    if outsidePairs >= 10 { #expect(outside?["change"] as? Double == 1) }
                    else { #expect(outside == nil || outside?["suppressed"] as? Bool == true) }
                }
                // The follow-up still to do shows up for the coach of the area, not for another.
                let due = try await service.dueFollowUps()
                #expect(due.map { $0.request.id } == [onlyIntake])
                #expect(try await EffectService(db: app.db, actor: world.areas[1].coach).dueFollowUps().isEmpty)
                // Each measurement is in the audit log.
                #expect(try await AuditEntry.query(on: app.db).filter(\.$subject == "effectMeasurement").filter(\.$action == "create").count() > inside)
                // The page: errors beside the questions, then a stored measurement.
                let page = try await PageSession.signIn(app, as: "coach.noordwest")
                let id = try #require(onlyIntake)
                #expect(try await page.get("/verzoeken/\(id)/effectmeting").body.string.contains("De vervolgmeting is nodig vanaf"))
                let missing = try await page.post("/verzoeken/\(id)/effectmeting", ["moment": "followUp", "date": today.description, "scores.health": "4"])
                #expect(missing.status == .unprocessableEntity && missing.body.string.contains("Kies bij vraag 1 een antwoord"))
                var form = ["moment": "followUp", "date": today.description]
                for q in ResidentQuestion.allCases { form["scores.\(q.rawValue)"] = "5" }
                let saved = try await page.post("/verzoeken/\(id)/effectmeting", form)
                #expect(saved.status == .ok && saved.body.string.contains("is opgeslagen"))
                #expect(try await service.dueFollowUps().isEmpty)
                let results = try await PageSession.signIn(app, as: "raad")
                #expect(try await results.get("/cijfers/effecten?period=\(period)").body.string.contains("Verandering"))
            }
        }
    
        @Test func zrmAssessmentsAreASecondEffectMeasure() async throws {
            try await withApp { app, world in
                // setup: a first ZRM at intake and one 200 days later, for every supported request of the first area
                let today = CalendarDate.today()
                try await CaseGenerator(world: world, db: app.db, vault: app.vault).generate(count: 80, from: today.adding(days: -500), to: today.adding(days: -220), seed: 22)
                let coach = world.areas[0].coach
                let zrm = ZRMService(residents: ResidentService(db: app.db, actor: coach, vault: app.vault))
                var inside = 0
                for record in try await FigureRecordsQuery.load(FigureScope(areaId: world.areas[0].id), on: app.db) {
                    let firsts = record.assignments.filter { $0.kind == .first }.map(\.insideNetwork)
                    guard EffectGroup.of(network: world.areas[0].networkID, firstAssignmentsInside: firsts,
                                         hasWelfare: record.referrals.contains(where: \.counts)) == .network(world.areas[0].networkID!) else { continue }
                    let resident = try #require(try await SupportRequest.find(record.id, on: app.db)).$resident.id
                    for (days, level) in [(0, "2"), (100, "5"), (200, "3")] {
                        var levels = Dictionary(uniqueKeysWithValues: LifeDomain.allCases.map { ($0.rawValue, level) })
                        levels["justice"] = "na"
                        _ = try await zrm.record(resident, ZRMAssessmentInput(date: record.intake.adding(days: days).description, levels: levels,
                                                                               reasons: ["justice": "Niet van toepassing"]))
                    }
                    inside += 1
                }
                #expect(inside >= 10)
                // MUT
                let period = ReportingPeriod(first: today.adding(days: -400), last: today)!
                try await app.testing().test(.GET, "/api/v1/figures/effects?measure=zrm&period=\(period)", headers: try await token(app, "analist")) { res in
                    // validate: the one at 100 days is before the follow-up period; the one at 200 counts
                    let changes = (try? JSONSerialization.jsonObject(with: Data(buffer: res.body))) as? [[String: Any]] ?? []
                    let finances = changes.first { $0["item"] as? String == "finances" && $0["networkId"] as? String == world.areas[0].networkID!.uuidString }
                    #expect(finances?["pairs"] as? Double == Double(inside) && finances?["change"] as? Double == 1)
                    #expect(!changes.contains { $0["item"] as? String == "justice" }, "a domain not assessed has no pair")
                }
                try await app.testing().test(.GET, "/api/v1/figures/effects?measure=bmi", headers: try await token(app, "analist")) { res in
                    #expect(res.status == .unprocessableEntity && problemFields(res) == ["measure"])
                }
                let page = try await PageSession.signIn(app, as: "raad")
                #expect(try await page.get("/cijfers/effecten?measure=zrm&period=\(period)").body.string.contains("Maatschappelijke participatie"))
            }
        }
    }
}
