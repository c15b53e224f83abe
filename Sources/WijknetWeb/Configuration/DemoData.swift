import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// Loads the demo: Arnhem's pilot areas and a year of synthetic cases with their ZRM assessments,
/// and a first version of the zelfredzaamheidprofielen derived from them.
public enum DemoData {
    /// Number of requests in a year of demo data: about 165 of them go through the meeting.
    public static let defaultRequests = 500
    public static let requestRange = 0...100_000

    /// Seeds the demo unless the database already holds users. Returns whether it seeded.
    @discardableResult
    public static func seedIfEmpty(_ app: Application, requests: Int = defaultRequests, log: @Sendable (String) -> Void = { _ in }) async throws -> Bool {
        guard try await User.query(on: app.db).count() == 0 else { return false }
        let hash = try await app.password.async.hash(DemoPassword.value)
        let world = try await DemoWorld.create(on: app.db, passwordHash: hash)
        let to = CalendarDate.today().adding(days: -1)
        let from = to.adding(days: -365)
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
