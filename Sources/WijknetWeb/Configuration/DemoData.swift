import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// Loads the demo: Arnhem's pilot areas and a year of synthetic cases.
public enum DemoData {
    /// Number of requests in a year of demo data: about 165 of them go through the meeting.
    public static let defaultRequests = 500

    /// Seeds the demo unless the database already holds users. Returns whether it seeded.
    @discardableResult
    public static func seedIfEmpty(_ app: Application, requests: Int = defaultRequests, log: @Sendable (String) -> Void = { _ in }) async throws -> Bool {
        guard try await User.query(on: app.db).count() == 0 else { return false }
        let hash = try await app.password.async.hash(DemoPassword.value)
        let world = try await DemoWorld.create(on: app.db, passwordHash: hash)
        let to = CalendarDate.today().adding(days: -1)
        let from = to.adding(days: -365)
        let step = max(1, requests / 10)
        try await CaseGenerator(world: world, db: app.db, vault: app.vault).generate(count: requests, from: from, to: to) { done in
            if done % step == 0 || done == requests { log("Demo: \(done) van \(requests) verzoeken aangemaakt") }
        }
        return true
    }
}
