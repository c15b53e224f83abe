import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// Loads the demo: Arnhem's pilot areas and a year of synthetic cases with their ZRM assessments,
/// and a first version of the zelfredzaamheidprofielen derived from them.
public enum DemoData {
    /// The demo runs from the start of the networks (February 2025, seed 001) until yesterday.
    static var period: (from: CalendarDate, to: CalendarDate) { (DemoWorld.networkStart, CalendarDate.today().adding(days: -1)) }
    /// 500 requests a year of the demo period, about 165 a year of them through the meeting.
    public static var defaultRequests: Int { 500 * max(1, period.from.days(until: period.to)) / 365 }
    public static let requestRange = 0...100_000

    /// Seeds the demo unless the database already holds users. Returns whether it seeded.
    @discardableResult
    public static func seedIfEmpty(_ app: Application, requests: Int = defaultRequests, log: @Sendable (String) -> Void = { _ in }) async throws -> Bool {
        guard try await User.query(on: app.db).count() == 0 else { return false }
        let hash = try await app.password.async.hash(DemoPassword.value)
        let world = try await DemoWorld.create(on: app.db, passwordHash: hash)
        let (from, to) = period
        let step = max(1, requests / 10)
        try await CaseGenerator(world: world, db: app.db, vault: app.vault).generate(count: requests, from: from, to: to, zrm: true) { done in
            if done % step == 0 || done == requests { log("Demo: \(done) van \(requests) verzoeken aangemaakt") }
        }
        // As the analyst would: so the profiles and the suggestion at intake have something to show.
        if let analyst = try await User.query(on: app.db).filter(\.$role == .analyst).first() {
            let actor = Actor(userID: try analyst.requireID(), username: analyst.username, role: analyst.role, organisationID: nil, areaID: nil)
            do {
                let set = try await ProfileService(db: app.db, actor: actor).derive(ProfileDerivationInput(first: from.description, last: to.description))
                log("Demo: zelfredzaamheidprofielen versie \(set.version) afgeleid uit \(set.assessments) metingen")
            } catch StoreError.invalid(let failure) {
                // Too few assessments in a small demo: the rest of the demo stands without profiles.
                log("Demo: geen zelfredzaamheidprofielen afgeleid: \(failure.errors.first?.message ?? "te weinig metingen")")
            }
        }
        return true
    }
}
