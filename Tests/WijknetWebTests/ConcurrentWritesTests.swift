import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// Issue 11, point 1: on SQLite, ordinary writes failed with "database is locked" (HTTP 500,
    /// decisions lost) whenever two transactions met, as during the figures' background recount.
    @Suite struct ConcurrentWritesTests {
        @Test func writesDuringRecountsAllSucceed() async throws {
            try await withApp(sqliteFile: true) { app, world in
                // setup: a year of cases, so a recount of an area takes a while
                try await AppTests.DashboardTests.history(app, world)
                let coach = try await token(app, "coach.noordwest")
                let residents = try await Resident.query(on: app.db).filter(\.$district.$id ~~ world.areas[0].districtIDs).limit(40).all()
                // MUT: recounts of both areas over and over while forty requests are registered and routed
                let recounts = Task {
                    var rounds = 0
                    while !Task.isCancelled {
                        for area in world.areas { try await FigureTallies.touch(area: area.id, on: app.db) }
                        rounds += try await FigureTallies.refreshStale(asOf: .today(), on: app.db) > 0 ? 1 : 0
                    }
                    return rounds
                }
                let statuses = try await withThrowingTaskGroup(of: [UInt].self) { group in
                    for resident in residents {
                        group.addTask {
                            var codes: [UInt] = []
                            var id = ""
                            try await app.testing().test(.POST, "/api/v1/requests", headers: coach, beforeRequest: { req in
                                try req.content.encode(JSON(["residentId": resident.id!.uuidString, "intakeDate": CalendarDate.today().description,
                                                             "summary": "Gelijktijdig", "law": "wmo", "lifeDomains": ["finances"], "urgency": "normal"]))
                            }) { res in
                                codes.append(res.status.code)
                                id = object(res)["id"] as? String ?? ""
                            }
                            try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: coach,
                                                         beforeRequest: { try $0.content.encode(JSON(["route": "meeting"])) }) { codes.append($0.status.code) }
                            return codes
                        }
                    }
                    return try await group.reduce(into: []) { $0 += $1 }
                }
                recounts.cancel()
                let rounds = try await recounts.value
                // validate: every write went through, and the recounts really ran alongside
                #expect(statuses.count == residents.count * 2)
                #expect(statuses.allSatisfy { $0 == 200 || $0 == 201 }, "\(statuses.filter { $0 >= 300 })")
                #expect(rounds > 0)
                #expect(try await SupportRequest.query(on: app.db).filter(\.$summary == "Gelijktijdig").count() == residents.count)
                #expect(try await AuditLog.verify(on: app.db).problem == nil)
            }
        }
    }
}
