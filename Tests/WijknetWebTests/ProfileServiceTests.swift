import Fluent
import Foundation
import Testing
import Vapor
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// Deriving zelfredzaamheidprofielen from recorded assessments, versions, classification.
    @Suite struct ProfileServiceTests {
        static func analyst(_ app: Application) async throws -> Actor {
            let user = try #require(try await User.query(on: app.db).filter(\.$role == .analyst).first())
            return Actor(userID: user.id!, username: user.username, role: .analyst, organisationID: nil, areaID: nil)
        }

        /// Records `count` complete assessments in three patterns, plus one with a domain not assessed.
        static func record(_ app: Application, _ world: DemoWorld, count: Int, on day: CalendarDate) async throws -> [UUID] {
            let coach = world.areas[0].coach
            let zrm = ZRMService(residents: ResidentService(db: app.db, actor: coach, vault: app.vault))
            let residents = try await Resident.query(on: app.db).join(District.self, on: \Resident.$district.$id == \District.$id)
                .filter(District.self, \.$area.$id == world.areas[0].id).all().compactMap(\.id)
            let patterns: [[Int]] = [Array(repeating: 5, count: 13), [1, 2, 2, 1] + Array(repeating: 4, count: 9), Array(repeating: 4, count: 5) + [1, 2, 1] + Array(repeating: 4, count: 5)]
            var ids: [UUID] = []
            for n in 0..<count {
                var levels = patterns[n % 3]
                levels[(n / 3) % 13] = max(1, levels[(n / 3) % 13] - (n % 2))
                let input = ZRMAssessmentInput(date: day.description, levels: Dictionary(uniqueKeysWithValues: zip(LifeDomain.allCases.map(\.rawValue), levels.map(String.init))))
                ids.append(try #require(try await zrm.record(residents[n % residents.count], input).id))
            }
            var incomplete = Dictionary(uniqueKeysWithValues: LifeDomain.allCases.map { ($0.rawValue, "3") })
            incomplete["justice"] = "na"
            _ = try await zrm.record(residents[0], ZRMAssessmentInput(date: day.description, levels: incomplete, reasons: ["justice": "Niet besproken"]))
            return ids
        }

        @Test func anAnalystDerivesVersionsAndAssessmentsKeepTheirProfile() async throws {
            try await withApp { app, world in
                // setup: residents, and 60 complete assessments three months ago
                let today = CalendarDate.today()
                try await CaseGenerator(world: world, db: app.db, vault: app.vault).generate(count: 12, from: today.adding(days: -200), to: today.adding(days: -100), seed: 3)
                let first = try await Self.record(app, world, count: 60, on: today.adding(days: -90))
                let service = ProfileService(db: app.db, actor: try await Self.analyst(app))
                let period = ProfileDerivationInput(first: today.adding(days: -120).description, last: today.description, k: "3")

                // MUT: version 1 with k = 3
                let v1 = try await service.derive(period)

                // validate: three profiles of twenty, the incomplete assessment left out and unclassified
                let set1 = try await service.set(version: 1)
                #expect(v1.version == 1 && set1.assessments == 60 && set1.silhouetteScores.isEmpty)
                #expect(set1.profiles.map(\.size).sorted() == [20, 20, 20])
                #expect(set1.profiles.contains { $0.name == "overal voldoende zelfredzaam" })
                #expect(set1.profiles.contains { $0.name == "financiën en huisvesting laag" })
                let classified = try await ZRMAssessment.query(on: app.db).filter(\.$profileID != nil).count()
                #expect(classified == 60)
                #expect(try await ZRMAssessment.query(on: app.db).filter(\.$profileID == nil).count() == 1)

                // Version 2 with k proposed: the first assessments keep their version-1 profile.
                let v2 = try await service.derive(ProfileDerivationInput(first: period.first, last: period.last))
                let set2 = try await service.set(version: 2)
                #expect(v2.version == 2 && set2.silhouetteScores.map(\.k) == Array(ProfileDerivation.proposalRange) && set2.profiles.count == 3)
                let v1IDs = Set(set1.profiles.compactMap(\.id))
                for id in first { #expect(v1IDs.contains(try #require(try await ZRMAssessment.find(id, on: app.db)?.profileID))) }
                // A new assessment is classified under version 2, in the profile of its pattern.
                let later = try await Self.record(app, world, count: 1, on: today)
                let profile = try #require(try await ZRMAssessment.find(later[0], on: app.db)?.profileID)
                let named = try #require(set2.profiles.first { $0.id == profile })
                #expect(named.name == "overal voldoende zelfredzaam")

                // Renaming; an empty name is refused.
                let renamed = try await service.rename(named.id!, ProfileNameInput(name: "Redt het zelf"))
                #expect(renamed.name == "Redt het zelf")
                await #expect(throws: StoreError.self) { try await service.rename(named.id!, ProfileNameInput(name: "  ")) }
            }
        }

        @Test func onlyAnalystsDeriveAndNeverFromTooFewAssessments() async throws {
            try await withApp { app, world in
                let today = CalendarDate.today()
                let input = ProfileDerivationInput(first: today.adding(days: -30).description, last: today.description, k: "4")
                do {
                    _ = try await ProfileService(db: app.db, actor: world.areas[0].coach).derive(input)
                    Issue.record("a coach does not derive profiles")
                } catch StoreError.forbidden {}
                do {
                    _ = try await ProfileService(db: app.db, actor: try await Self.analyst(app)).derive(input)
                    Issue.record("no assessments: refused")
                } catch StoreError.invalid(let failure) {
                    #expect(failure.message(for: "first") == "Te weinig volledige ZRM-afnames in deze periode (0); nodig zijn er minstens 40.")
                }
                do {
                    _ = try await ProfileService(db: app.db, actor: try await Self.analyst(app)).derive(ProfileDerivationInput(first: "2026-05-01", last: "2026-04-01", k: "1"))
                    Issue.record("bad input: refused")
                } catch StoreError.invalid(let failure) {
                    #expect(failure.message(for: "last") == "De einddatum ligt voor de begindatum.")
                    #expect(failure.message(for: "k") == "Het aantal profielen moet een getal van 2 tot en met 12 zijn.")
                }
                #expect(try await ZRMProfileSet.query(on: app.db).count() == 0)
            }
        }
    
        @Test func theAnalystWorksWithProfilesInTheBrowserAndThroughTheAPI() async throws {
            try await withApp { app, world in
                // setup
                let today = CalendarDate.today()
                try await CaseGenerator(world: world, db: app.db, vault: app.vault).generate(count: 12, from: today.adding(days: -200), to: today.adding(days: -100), seed: 3)
                _ = try await Self.record(app, world, count: 45, on: today.adding(days: -30))
                let analyst = try await token(app, "analist")
                let body = ["first": today.adding(days: -60).description, "last": today.description, "k": "3"]

                // MUT: the API derives version 1, and refuses bad input with problem+json
                try await app.testing().test(.POST, "/api/v1/profiles", headers: analyst, beforeRequest: { try $0.content.encode(body) }) { res in
                    #expect(res.status == .created)
                    let profiles = object(res)["profiles"] as? [[String: Any]] ?? []
                    #expect(object(res)["version"] as? Double == 1 && profiles.count == 3)
                    #expect((profiles.first?["centre"] as? [String: Any])?["finances"] != nil)
                }
                try await app.testing().test(.POST, "/api/v1/profiles", headers: analyst, beforeRequest: {
                    try $0.content.encode(["first": "2026-02-30", "last": today.description, "k": "40"]) }) { res in
                    #expect(res.status == .unprocessableEntity && res.headers.contentType?.description.contains("problem+json") == true)
                }
                try await app.testing().test(.PUT, "/api/v1/profiles/1/2", headers: analyst, beforeRequest: { try $0.content.encode(["name": "Wonen en geld"]) }) { res in
                    #expect(res.status == .ok && object(res)["name"] as? String == "Wonen en geld")
                }
                try await app.testing().test(.GET, "/api/v1/profiles/7", headers: analyst) { res in #expect(res.status == .notFound) }
                try await app.testing().test(.GET, "/api/v1/profiles", headers: try await token(app, "coach.noordwest")) { res in #expect(res.status == .forbidden) }

                // The page: version 1 with its (renamed) profile, and a second version proposed by the silhouette.
                let page = try await PageSession.signIn(app, as: "analist")
                let html = try await page.get("/profielen").body.string
                #expect(html.contains("Versie 1") && html.contains("value=\"Wonen en geld\"") && html.contains("door de analist gekozen"))
                let derived = try await page.post("/profielen", ["first": body["first"]!, "last": body["last"]!, "k": ""])
                #expect(derived.status == .ok && derived.body.string.contains("Versie 2 van de profielen is afgeleid") && derived.body.string.contains("silhouetscore"))
                let refused = try await page.post("/profielen", ["first": body["first"]!, "last": body["last"]!, "k": "zes"])
                #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Het aantal profielen moet een getal"))

                // The research export: pseudonymised vectors, one line per assessment, no names; logged.
                let csv = try await page.get("/profielen/export.csv?first=\(body["first"]!)&last=\(body["last"]!)&separator=semicolon").body.string
                let lines = csv.split(separator: "\r\n")
                #expect(lines.first?.hasPrefix("\u{FEFF}pseudoniem;datum;versie;Financiën;") == true && lines.count == 1 + 46)
                #expect(lines.dropFirst().allSatisfy { $0.split(separator: ";", omittingEmptySubsequences: false).count == 17 })
                let residents = try await Resident.query(on: app.db).all()
                #expect(!residents.contains { csv.contains($0.familyName) || csv.contains($0.id!.uuidString) })
                let pseudonyms = Set(lines.dropFirst().map { $0.split(separator: ";")[0] })
                #expect(pseudonyms.count > 1 && pseudonyms.count < 46, "one pseudonym per resident, several assessments each")
                #expect(lines.contains { $0.hasSuffix(";v1-1") || $0.hasSuffix(";v1-2") || $0.hasSuffix(";v1-3") })
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "export").filter(\.$subject == "zrmScores").count() == 1)
                try await app.testing().test(.GET, "/api/v1/zrm-assessments/export?first=\(body["first"]!)&last=nee", headers: analyst) { res in
                    #expect(res.status == .unprocessableEntity)
                }
            }
        }
    
        @Test func theCoachSeesHowRequestsOfTheSameProfileWereAnswered() async throws {
            try await withApp { app, world in
                // setup: a year of cases; every resident of the area assessed, most with one pattern
                let today = CalendarDate.today()
                try await CaseGenerator(world: world, db: app.db, vault: app.vault).generate(count: 60, from: today.adding(days: -300), to: today.adding(days: -20), seed: 8)
                let area = world.areas[0]
                let zrm = ZRMService(residents: ResidentService(db: app.db, actor: area.coach, vault: app.vault))
                let residents = try await Resident.query(on: app.db).join(District.self, on: \Resident.$district.$id == \District.$id)
                    .filter(District.self, \.$area.$id == area.id).all().compactMap(\.id)
                let low = [1, 2, 2, 1] + Array(repeating: 4, count: 9), high = Array(repeating: 5, count: 13)
                for (n, resident) in residents.enumerated() {
                    for copy in 0..<2 {
                        let levels = (n % 4 == 3 ? high : low).enumerated().map { i, l in i == copy ? max(1, l - 1) : l }
                        _ = try await zrm.record(resident, ZRMAssessmentInput(date: today.adding(days: -10).description,
                                                                               levels: Dictionary(uniqueKeysWithValues: zip(LifeDomain.allCases.map(\.rawValue), levels.map(String.init)))))
                    }
                }
                _ = try await ProfileService(db: app.db, actor: try await Self.analyst(app))
                    .derive(ProfileDerivationInput(first: today.adding(days: -30).description, last: today.description, k: "2"))
                // A new assessment of the first resident puts them in the "low" profile.
                let me = residents[0]
                _ = try await zrm.record(me, ZRMAssessmentInput(date: today.description, levels: Dictionary(uniqueKeysWithValues: zip(LifeDomain.allCases.map(\.rawValue), low.map(String.init)))))

                // MUT
                let suggestion = try #require(try await zrm.suggestion(me))

                // validate: it rests on the requests of the other "low" residents of the area in the last year
                let peers = residents.enumerated().filter { $0.offset % 4 != 3 && $0.element != me }.map(\.element)
                let expected = try await SupportRequest.query(on: app.db).filter(\.$resident.$id ~~ peers).filter(\.$area.$id == area.id)
                    .filter(\.$intakeDate >= today.adding(days: -365).description).count()
                #expect(expected >= 10, "enough data for shares")
                #expect(suggestion.profile.name == "financiën en huisvesting laag" && suggestion.advice.requests == .shown(expected))
                #expect(suggestion.advice.outcomeShares.values.contains { !$0.isSuppressed })
                let coach = try await token(app, "coach.noordwest")
                try await app.testing().test(.GET, "/api/v1/residents/\(me)/profile-suggestion", headers: coach) { res in
                    #expect(res.status == .ok && object(res)["requests"] as? Double == Double(expected))
                    #expect(object(res)["profileName"] as? String == "financiën en huisvesting laag")
                }
                let page = try await PageSession.signIn(app, as: "coach.noordwest")
                let html = try await page.get("/inwoners/\(me)/zrm").body.string
                #expect(html.contains("Profiel en suggestie") && html.contains("op basis van \(expected) verzoeken") && html.contains("geen besluit"))
                #expect(try await AuditEntry.query(on: app.db).filter(\.$subject == "profileSuggestion").count() >= 3)

                // The policy view: per area and quarter the assessments per profile, small counts not shown.
                let distribution = try await ProfileService(db: app.db, actor: try await Self.analyst(app)).distribution(version: 1)
                let total = distribution.flatMap(\.counts.values).reduce(0, +)
                #expect(total == 2 * residents.count + 1 && distribution.allSatisfy { $0.area == area.name })
                let policy = try await PageSession.signIn(app, as: "analist").get("/profielen").body.string
                #expect(policy.contains("Verdeling per gebied en kwartaal (versie 1)") && policy.contains("measure=zrm"))
            }
        }
    }
}
