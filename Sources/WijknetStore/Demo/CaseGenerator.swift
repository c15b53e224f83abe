import Fluent
import Foundation
import WijknetCore

/// Plays synthetic cases through the real services, so every rule applies to demo and benchmark
/// data as it does to a coach's input.
public struct CaseGenerator: Sendable {
    let world: DemoWorld
    let db: any Database
    let vault: BSNVault

    public init(world: DemoWorld, db: any Database, vault: BSNVault) {
        self.world = world
        self.db = db
        self.vault = vault
    }

    /// Creates `count` requests with intake dates spread evenly over `from`…`to`.
    /// - Parameter zrm: also ZRM assessments for each resident (`DemoAssessments`).
    /// - Parameter progress: called after every request with the number done.
    public func generate(count: Int, from: CalendarDate, to: CalendarDate, seed: UInt64 = 2025,
                         bsnStart: Int = 999_990_000, zrm: Bool = false, progress: @Sendable (Int) -> Void = { _ in }) async throws {
        var rng = SeededRandom(seed: seed)
        var bsns = BSNSequence(start: bsnStart)
        let span = max(1, from.days(until: to))
        for n in 0..<count {
            let intake = from.adding(days: n * span / max(1, count))
            let story = SyntheticCase.make(world: world, area: world.areas[n % world.areas.count], intake: intake, bsn: bsns.next(), rng: &rng)
            let resident = try await play(story)
            if zrm { try await DemoAssessments(db: db, vault: vault).record(story, resident: resident) }
            progress(n + 1)
        }
    }

    /// Plays one case and returns its resident.
    private func play(_ story: SyntheticCase) async throws -> UUID {
        let area = story.area
        let resident = try await ResidentService(db: db, actor: area.coach, vault: vault, today: story.intake).register(story.resident)
        let intake = RequestService(db: db, actor: area.coach, today: story.intake)
        let request = try await intake.register(RequestInput(
            residentId: try resident.requireID().uuidString, intakeDate: story.intake.description, summary: story.summary,
            law: story.law.rawValue, lifeDomains: story.domains.map(\.rawValue), urgency: story.urgency.rawValue,
            consentForMeeting: story.consent))
        let id = try request.requireID()
        var decisionDay = story.intake.adding(days: story.directDecisionOffset)
        if story.viaMeeting {
            _ = try await intake.route(id, RouteInput(route: Route.meeting.rawValue))
            let item = try await AgendaItem.query(on: db).filter(\.$request.$id == id).with(\.$meeting).first()
            decisionDay = item.flatMap { CalendarDate($0.meeting.date) } ?? decisionDay
        } else {
            _ = try await intake.route(id, RouteInput(route: Route.direct.rawValue, partnerId: story.directPartner?.uuidString))
        }
        // A meeting that has not been held yet keeps its agenda open.
        guard decisionDay <= .today() else { return try resident.requireID() }
        let decider = story.viaMeeting ? (area.chair ?? area.coach) : area.coach
        _ = try await RequestService(db: db, actor: decider, today: decisionDay).decide(id, DecisionInput(outcomes: story.outcomes.map {
            OutcomeInput(kind: $0.kind.rawValue, organisationId: $0.organisation?.uuidString, activity: $0.activity, outsideReason: $0.reason)
        }))
        let followUp = RequestService(db: db, actor: area.coach, today: decisionDay)
        let products = world.products[story.careLaw]!
        for (care, outcome) in zip(story.care, story.outcomes.filter { $0.kind == .indicatedCare }) {
            let start = decisionDay.adding(days: care.startOffset)
            let first = try await followUp.addAssignment(id, AssignmentInput(
                law: story.careLaw.rawValue, productId: (care.specialist ? products.specialist : products.basic).uuidString,
                providerId: care.provider.uuidString, hoursPerWeek: care.hours, startDate: start.description,
                endDate: start.adding(days: 182).description, kind: AssignmentKind.first.rawValue, outsideReason: outcome.reason))
            // The provider with an account reports the start; the most recent week still waits in its inbox.
            if care.provider == area.partner.organisationID, start <= CalendarDate.today().adding(days: -7) {
                _ = try await RequestService(db: db, actor: area.partner, today: start)
                    .reportCare(id, assignment: try first.requireID(), CareReportInput(careStartedOn: start.description))
            }
            if care.renewal {
                _ = try await followUp.addAssignment(id, AssignmentInput(
                    law: story.careLaw.rawValue, productId: products.basic.uuidString, providerId: care.provider.uuidString,
                    hoursPerWeek: max(1, care.hours - 1), startDate: start.adding(days: 183).description,
                    endDate: start.adding(days: 365).description, kind: AssignmentKind.renewal.rawValue,
                    previousAssignmentId: try first.requireID().uuidString))
            }
        }
        for welfare in story.welfare {
            _ = try await followUp.addReferral(id, ReferralInput(
                partnerId: welfare.partner.uuidString, activity: welfare.activity,
                date: decisionDay.adding(days: welfare.dateOffset).description, status: welfare.status.rawValue))
        }
        if let closing = story.closingDay(decided: decisionDay, today: .today()) {
            _ = try await RequestService(db: db, actor: area.coach, today: closing).close(id)
        }
        return try resident.requireID()
    }
}
