import Fluent
import Foundation
import Testing
import Vapor
@testable import WijknetBench
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// The demo and benchmark data keep the same rules as a coach's input, on both databases.
    @Suite struct SyntheticDataTests {
        @Test func bulkLoadedCasesReadLikeCasesMadeThroughTheServices() async throws {
            try await withApp { app, world in
                // setup
                let to = CalendarDate.today().adding(days: -1)
                // MUT
                try await BulkCaseLoader(world: world, db: app.db, vault: app.vault).load(count: 120, from: to.adding(days: -400), to: to,
                                                                        seed: 3, bsnStart: 100_000_000, batch: 50)
                try await CaseGenerator(world: world, db: app.db, vault: app.vault).generate(count: 20, from: to.adding(days: -20), to: to, seed: 4)
                // validate
                #expect(try await SupportRequest.query(on: app.db).count() == 140)
                let service = RequestService(db: app.db, actor: world.areas[0].coach)
                let page = try await service.list(RequestFilter(), try Paging.check(page: nil, perPage: "200"))
                #expect(page.total == 70, "half of the cases are in the first area")
                for request in page.items {
                    let file = try await service.caseFile(request.id!)
                    let events = file.events.map(\.kind)
                    #expect(events.first == CaseEventKind.registered.rawValue)
                    switch request.status {
                    case .inProgress, .closed where !file.assignments.isEmpty || !file.referrals.isEmpty:
                        #expect(!file.outcomes.isEmpty)
                    case .registered:
                        Issue.record("every synthetic case is routed")
                    default:
                        break
                    }
                    for assignment in file.assignments where !assignment.insideNetwork && assignment.kind == .first {
                        #expect(assignment.outsideReason != nil, "care outside the network has a reason")
                    }
                }
                let inMeeting = try await SupportRequest.query(on: app.db).filter(\.$route == .meeting).count()
                #expect(inMeeting > 20 && inMeeting < 80)
            }
        }
    
        @Test func demoResidentsGetAssessmentsThatFollowTheirRequest() async throws {
            try await withApp { app, world in
                // MUT: forty demo cases with their ZRM assessments
                let to = CalendarDate.today().adding(days: -1)
                try await CaseGenerator(world: world, db: app.db, vault: app.vault).generate(count: 40, from: to.adding(days: -400), to: to, seed: 6, zrm: true)
                // validate: one at intake for every resident, some later ones, some older 2010 ones
                let assessments = try await ZRMAssessment.query(on: app.db).with(\.$scores).all()
                let current = assessments.filter { $0.version == "zrm2017" }
                let older = assessments.filter { $0.version == "zrm2010" }
                #expect(Set(current.map(\.$resident.id)).count == 40 && current.count > 45)
                #expect(!older.isEmpty && older.allSatisfy { $0.importedAt != nil && $0.scores.count == 11 })
                // Levels are low in the request's domains: lower on average there than elsewhere.
                var inRequest: [Int] = [], elsewhere: [Int] = []
                for request in try await SupportRequest.query(on: app.db).all() {
                    guard let first = current.filter({ $0.$resident.id == request.$resident.id }).min(by: { $0.assessedOn < $1.assessedOn }) else { continue }
                    for score in first.scores {
                        if request.lifeDomains.map(\.rawValue).contains(score.domain) { inRequest.append(score.level!) } else { elsewhere.append(score.level!) }
                    }
                }
                let meanInRequest = Double(inRequest.reduce(0, +)) / Double(inRequest.count)
                let meanElsewhere = Double(elsewhere.reduce(0, +)) / Double(elsewhere.count)
                #expect(meanInRequest < meanElsewhere - 1)
                // The profiles can be derived from them, as the demo does.
                let analyst = try #require(try await User.query(on: app.db).filter(\.$role == .analyst).first())
                let actor = Actor(userID: analyst.id!, username: analyst.username, role: .analyst, organisationID: nil, areaID: nil)
                let set = try await ProfileService(db: app.db, actor: actor).derive(ProfileDerivationInput(first: to.adding(days: -400).description,
                                                                                                          last: to.description, k: "3"))
                #expect(set.assessments == current.count)
            }
        }
    }
}

extension AppTests.SyntheticDataTests {
    /// Issue 11, point 8: a demo too small to derive profiles stopped halfway with a raw error.
    @Test func aDemoWithoutRequestsLoadsWithoutProfiles() async throws {
        let app = try await Application.make(.testing)
        do {
            let storage = WijknetConfig.storage(databaseURL: ProcessInfo.processInfo.environment["DATABASE_URL"] ?? "sqlite::memory:")
            try await configure(app, WijknetConfig(storage: storage, bsnKey: BSNVault.newKey(), demo: true, secureCookies: false))
            app.passwords.use(.bcrypt(cost: 4))
            try await app.autoRevert().get()
            try await app.autoMigrate().get()
            let lines = LockedLines()
            #expect(try await DemoData.seedIfEmpty(app, requests: 0) { lines.append($0) })
            #expect(try await User.query(on: app.db).count() > 0)
            #expect(try await ZRMProfileSet.query(on: app.db).count() == 0)
            #expect(lines.all.contains { $0.hasPrefix("Demo: geen zelfredzaamheidprofielen afgeleid") })
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

/// Log lines collected from a `@Sendable` callback.
final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

extension AppTests.SyntheticDataTests {
    /// Issue 11, point 12: the demo tells seed 001's story over 2025, as domain.md defines the
    /// figures: about 165 requests a year through the meeting, K2 about 66%, K3 about 30%, and K5
    /// rising from about 25% early in the year to about 50% at the end.
    @Test func theDemoYearTellsTheSeedsStory() async throws {
        try await withApp { app, world in
            let from = DemoWorld.networkStart, to = CalendarDate(year: 2025, month: 12, day: 31)!
            // The demo's density: 500 requests a year.
            try await CaseGenerator(world: world, db: app.db, vault: app.vault).generate(count: 500 * from.days(until: to) / 365, from: from, to: to)
            let analyst = try #require(try await User.query(on: app.db).filter(\.$role == .analyst).first())
            let figures = FiguresService(db: app.db, actor: Actor(userID: analyst.id!, username: analyst.username, role: .analyst, organisationID: nil, areaID: nil))
            let asOf = CalendarDate(year: 2026, month: 6, day: 30)!
            let year = try await figures.figures(FigureQuery(period: .year(2025)!), trendQuarters: 1, asOf: asOf).figures
            // February to December: eleven twelfths of 165.
            #expect((125...175).contains(year.discussedInMeeting), "K1 2025: \(year.discussedInMeeting)")
            #expect((0.58...0.74).contains(year.discussedWithCareInside.value ?? 0), "K2 2025: \(year.discussedWithCareInside)")
            #expect((0.24...0.36).contains(year.discussedWithWelfare.value ?? 0), "K3 2025: \(year.discussedWithWelfare)")
            var k5: [Double] = []
            for quarter in 1...4 {
                let f = try await figures.figures(FigureQuery(period: .quarter(2025, quarter)!), trendQuarters: 1, asOf: asOf).figures
                let both = f.newFirstInside.values.reduce(Ratio.empty) { Ratio(part: $0.part + $1.part, base: $0.base + $1.base) }
                k5.append(both.value ?? 0)
            }
            #expect((0.15...0.35).contains(k5[0]), "K5 Q1 2025: \(k5)")
            #expect((0.40...0.60).contains(k5[3]), "K5 Q4 2025: \(k5)")
            #expect(k5[0] < k5[1] && k5[1] < k5[3] && k5[0] < k5[2], "K5 rises over 2025: \(k5)")
        }
    }
}
