import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

/// Issue 11: the case history from before Wijknet. A generated year of history goes in through the
/// API; the figures of each past quarter must be those of the history, counted here independently
/// of the figure code, from the generator's own list.
extension AppTests {
    @Suite struct CaseHistoryImportTests {
        /// One generated request, with what the independent count needs.
        struct Story {
            let json: [String: Any]
            let meeting: CalendarDate?
            let decided: CalendarDate
            /// Per first assignment: inside the network, start date, reason code (nil: none).
            let firsts: [(inside: Bool, start: CalendarDate, reason: String?)]
            let welfare: Bool
        }

        /// What the file names: organisations by name, wijken by CBS code.
        struct Names {
            let organisations: [UUID: String]
            let districtCodes: [UUID: [String]]

            init(_ db: any Database) async throws {
                organisations = Dictionary(try await Organisation.query(on: db).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
                districtCodes = Dictionary(grouping: try await District.query(on: db).sort(\.$code).all(), by: { $0.$area.id }).mapValues { $0.map(\.code) }
            }
        }

        /// A year (February–December 2025) of requests in both pilot areas, from a fixed seed.
        static func history(_ world: DemoWorld, _ names: Names, count: Int) -> [Story] {
            func name(_ world: DemoWorld, _ id: UUID) -> String { names.organisations[id] ?? "" }
            var bsns = BSNSequence(start: 999_900_000)
            var state: UInt64 = 20_261_128
            func next(_ n: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((state >> 33) % UInt64(n))
            }
            let joinedMidYear = CalendarDate(year: 2025, month: 7, day: 1)!
            let reasons = ["expertise-addiction", "no-capacity", "resident-choice", nil] as [String?]
            var stories: [Story] = []
            for n in 0..<count {
                let areaIndex = n % 2
                let area = world.areas[areaIndex]
                let intake = CalendarDate(year: 2025, month: 2, day: 1)!.adding(days: next(300))
                let viaMeeting = next(10) < 7
                let meeting = viaMeeting ? intake.adding(days: next(14)) : nil
                let decided = (meeting ?? intake).adding(days: viaMeeting ? 0 : next(10))
                var outcomes: [[String: Any]] = []
                var assignments: [[String: Any]] = []
                var firsts: [(Bool, CalendarDate, String?)] = []
                // Indicated care at a partner (one joined mid-year), or outside the network.
                if next(10) < 8 {
                    let choice = next(10)
                    let start = decided.adding(days: next(20))
                    let provider: UUID, inside: Bool
                    switch choice {
                    case 0..<5: provider = area.wmoProviders[next(4)]; inside = true
                    case 5: provider = area.wmoProviders[4]; inside = start >= joinedMidYear
                    default: provider = world.outsideWmo[next(world.outsideWmo.count)]; inside = false
                    }
                    let reason = inside ? nil : reasons[next(reasons.count)]
                    var outcome: [String: Any] = ["kind": "indicatedCare", "organisation": name(world, provider)]
                    if let reason, !inside { outcome["outsideReason"] = reason }
                    outcomes.append(outcome)
                    assignments.append(["law": "wmo", "productCode": "02A01", "provider": name(world, provider), "hoursPerWeek": 2.5,
                                        "start": start.description, "end": start.adding(days: 180).description, "kind": "eerste"])
                    if next(4) == 0 {
                        assignments.append(["law": "wmo", "productCode": "02A01", "provider": name(world, provider), "hoursPerWeek": 2,
                                            "start": start.adding(days: 181).description, "kind": "verlenging", "previous": 0])
                    }
                    firsts.append((inside, start, reason))
                }
                let welfare = outcomes.isEmpty || next(3) == 0
                var referrals: [[String: Any]] = []
                if welfare {
                    let partner = area.welfare[next(2)]
                    outcomes.append(["kind": "welfare", "organisation": name(world, partner), "activity": "Budgetcursus"])
                    referrals.append(["partner": name(world, partner), "activity": "Budgetcursus", "date": decided.adding(days: 3).description, "status": "started"])
                }
                let bsn = bsns.next().digits
                var json: [String: Any] = [
                    "sourceId": "OUD-2025-\(n)", "districtCode": names.districtCodes[area.id]![n % names.districtCodes[area.id]!.count],
                    "coach": "coach.\(areaIndex == 0 ? "noordwest" : "rkv")",
                    "resident": ["bsn": bsn, "givenName": "Inwoner", "familyName": "Historie \(n)", "birthDate": "1960-03-0\(1 + n % 9)",
                                 "street": "Oude Weg", "houseNumber": "\(n + 1)", "postcode": "6811 AB", "city": "Arnhem"],
                    "intakeDate": intake.description, "law": "wmo", "summary": "Overgenomen dossier", "lifeDomains": ["finances"],
                    "route": viaMeeting ? "meeting" : "direct", "decisionDate": decided.description, "outcomes": outcomes,
                    "assignments": assignments, "referrals": referrals,
                ]
                if let meeting { json["meetingDate"] = meeting.description } else { json["directPartner"] = name(world, area.wmoProviders[0]) }
                stories.append(Story(json: json, meeting: meeting, decided: decided, firsts: firsts, welfare: welfare))
            }
            return stories
        }

        static func body(_ stories: [Story]) throws -> ByteBuffer {
            ByteBuffer(data: try JSONSerialization.data(withJSONObject: ["requests": stories.map(\.json)]))
        }

        @Test func aYearOfHistoryGivesExactlyItsFiguresPerQuarter() async throws {
            try await withApp { app, world in
                let stories = Self.history(world, try await Names(app.db), count: 160)
                let admin = try await token(app, "beheer")
                var json = admin
                json.contentType = .json
                try await app.testing().test(.POST, "/api/v1/imports/cases", headers: json, body: try Self.body(stories)) { res in
                    #expect(res.status == .ok, "\(res.body.string.prefix(1500))")
                    #expect(object(res)["imported"] as? Int == 160)
                }
                // Importing it again adds nothing.
                try await app.testing().test(.POST, "/api/v1/imports/cases", headers: json, body: try Self.body(stories)) { res in
                    #expect(object(res)["imported"] as? Int == 0 && object(res)["alreadyThere"] as? Int == 160)
                }
                #expect(try await SupportRequest.query(on: app.db).count() == 160)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$purpose == "Verzoek geïmporteerd uit het vorige systeem").count() == 160)

                let analyst = try #require(try await User.query(on: app.db).filter(\.$username == "analist").first())
                let figures = FiguresService(db: app.db, actor: Actor(userID: analyst.id!, username: analyst.username, role: .analyst, organisationID: nil, areaID: nil))
                for quarter in 1...4 {
                    let period = ReportingPeriod.quarter(2025, quarter)!
                    let result = try await figures.figures(FigureQuery(period: period), trendQuarters: 1, asOf: CalendarDate(year: 2026, month: 6, day: 1)!)
                    // The independent count, from the generator's list.
                    let discussed = stories.filter { $0.meeting.map(period.contains) ?? false }
                    let inside = discussed.filter { $0.firsts.contains { $0.inside } }.count
                    let welfare = discussed.filter(\.welfare).count
                    let starting = stories.flatMap(\.firsts).filter { period.contains($0.start) }
                    var reasons: [String: Int] = [:]
                    for story in stories where period.contains(story.decided) {
                        for reason in Set(story.firsts.filter { !$0.inside }.map { $0.reason ?? FigureDefinition.unknownReason }) {
                            reasons[reason, default: 0] += 1
                        }
                    }
                    let f = result.figures
                    #expect(f.discussedInMeeting == discussed.count, "K1 in Q\(quarter)")
                    #expect(f.discussedWithCareInside == Ratio(part: inside, base: discussed.count), "K2 in Q\(quarter)")
                    #expect(f.discussedWithWelfare == Ratio(part: welfare, base: discussed.count), "K3 in Q\(quarter)")
                    #expect(f.newFirstInside[.wmo] == Ratio(part: starting.filter(\.inside).count, base: starting.count), "K5 in Q\(quarter)")
                    #expect(f.outsideReasons == reasons, "K10 in Q\(quarter)")
                    #expect(discussed.count > 10, "the generated year fills every quarter")
                }
            }
        }

        @Test func aFileWithAProblemIsRefusedWholeWithoutEchoingABSN() async throws {
            try await withApp { app, world in
                var stories = Self.history(world, try await Names(app.db), count: 3).map(\.json)
                stories[1]["intakeDate"] = "2099-01-01"
                var resident = stories[2]["resident"] as! [String: Any]
                resident["bsn"] = "999990018"
                stories[2]["resident"] = resident
                stories[0]["route"] = "meeting"
                stories[0]["meetingDate"] = nil
                stories[0]["directPartner"] = nil
                let admin = try await token(app, "beheer")
                var json = admin
                json.contentType = .json
                try await app.testing().test(.POST, "/api/v1/imports/cases", headers: json,
                                             body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: ["requests": stories]))) { res in
                    #expect(res.status == .unprocessableEntity)
                    let fields = Set(problemFields(res))
                    #expect(fields.contains("requests[1].meetingDate"))
                    #expect(fields.contains("requests[2].intakeDate"))
                    #expect(fields.contains("requests[3].resident.bsn"))
                    #expect(!res.body.string.contains("999990018"))
                }
                #expect(try await SupportRequest.query(on: app.db).count() == 0)
                #expect(try await Resident.query(on: app.db).count() == 0)
                try await app.testing().test(.POST, "/api/v1/imports/cases", headers: json, body: ByteBuffer(string: "{\"requests\": 5}")) { res in
                    #expect(res.status == .unprocessableEntity)
                }
            }
        }

        @Test func aResidentNamedTwiceNeedsTheirDetailsOnce() async throws {
            try await withApp { app, world in
                var stories = Self.history(world, try await Names(app.db), count: 3).map(\.json)
                // The first request names the resident of the third by BSN only; the third gives the details.
                stories[0]["districtCode"] = stories[2]["districtCode"]
                stories[0]["coach"] = stories[2]["coach"]
                stories[0]["resident"] = ["bsn": (stories[2]["resident"] as! [String: Any])["bsn"]!]
                let admin = try await token(app, "beheer")
                var json = admin
                json.contentType = .json
                try await app.testing().test(.POST, "/api/v1/imports/cases", headers: json,
                                             body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: ["requests": stories]))) { res in
                    #expect(res.status == .ok, "\(res.body.string.prefix(400))")
                }
                #expect(try await SupportRequest.query(on: app.db).count() == 3)
                #expect(try await Resident.query(on: app.db).count() == 2)
            }
        }

        @Test func aCoachImportsForTheirOwnAreaOnlyAndThroughThePage() async throws {
            try await withApp { app, world in
                let stories = Self.history(world, try await Names(app.db), count: 4)
                let coach = try await token(app, "coach.noordwest")
                var json = coach
                json.contentType = .json
                // Requests 2 and 4 are in the other area.
                try await app.testing().test(.POST, "/api/v1/imports/cases", headers: json, body: try Self.body(stories)) { res in
                    #expect(res.status == .unprocessableEntity)
                    #expect(Set(problemFields(res)).isSuperset(of: ["requests[2].districtCode", "requests[4].districtCode"]))
                }
                let own = [stories[0], stories[2]].map(\.json)
                let page = try await PageSession.signIn(app, as: "coach.noordwest")
                let form = try await page.get("/import/dossiers")
                #expect(form.status == .ok && form.body.string.contains("accept=\".json,application/json\""))
                let text = String(decoding: try JSONSerialization.data(withJSONObject: ["requests": own]), as: UTF8.self)
                let done = try await page.upload("/import/dossiers", file: text)
                #expect(done.status == .ok)
                #expect(done.body.string.contains("2 verzoeken geïmporteerd"))
                let imported = try await SupportRequest.query(on: app.db).all()
                #expect(imported.count == 2 && imported.allSatisfy { $0.$area.id == world.areas[0].id && [.inProgress, .decided].contains($0.status) })
                #expect(try await page.get("/verzoeken/\(imported[0].id!)").body.string.contains("Geïmporteerd uit het vorige systeem"))
                let partner = try await PageSession.signIn(app, as: "analist")
                #expect(try await partner.get("/import/dossiers").status == .forbidden)
            }
        }
    }
}
