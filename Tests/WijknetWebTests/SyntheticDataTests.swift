import Fluent
import Foundation
import Testing
import Vapor
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
                let page = try await service.list(RequestFilter(), page: 1, perPage: 200)
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
    }
}
