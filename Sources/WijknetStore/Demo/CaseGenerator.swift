import Fluent
import Foundation
import WijknetCore

/// Makes synthetic cases through the real services, so every rule applies to demo and benchmark
/// data as it does to a coach's input. The mix follows the council's 2025 figures: about a third
/// of the requests goes through the meeting, two thirds of their indicated care stays inside the
/// network, and about 30% gets welfare.
public struct CaseGenerator: Sendable {
    let world: DemoWorld
    let db: any Database

    public init(world: DemoWorld, db: any Database) {
        self.world = world
        self.db = db
    }

    /// Creates `count` requests with intake dates spread evenly over `from`…`to`.
    /// - Parameter progress: called after every request with the number done.
    public func generate(count: Int, from: CalendarDate, to: CalendarDate, seed: UInt64 = 2025,
                         bsnStart: Int = 999_990_000, progress: @Sendable (Int) -> Void = { _ in }) async throws {
        var rng = SeededRandom(seed: seed)
        var bsns = BSNSequence(start: bsnStart)
        let reasons = OutsideReasonOption.defaults.map(\.code)
        let span = max(1, from.days(until: to))
        for n in 0..<count {
            let area = world.areas[n % world.areas.count]
            let intake = from.adding(days: n * span / max(1, count))
            try await makeCase(area: area, intake: intake, bsn: bsns.next(), reasons: reasons, rng: &rng)
            progress(n + 1)
        }
    }

    private func makeCase(area: DemoWorld.Area, intake: CalendarDate, bsn: BSN, reasons: [String], rng: inout SeededRandom) async throws {
        let age = Int.random(in: 4...88, using: &rng)
        let birth = CalendarDate(year: intake.year - age, month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 1...28, using: &rng))!
        let residents = ResidentService(db: db, actor: area.coach, today: intake)
        let resident = try await residents.register(ResidentInput(
            givenName: rng.pick(DemoNames.given), familyName: rng.pick(DemoNames.family), birthDate: birth.description, bsn: bsn.digits,
            street: rng.pick(DemoNames.streets), houseNumber: String(Int.random(in: 1...180, using: &rng)),
            postcode: "68\(Int.random(in: 10...46, using: &rng)) \(rng.pick(["AB", "BK", "CD", "HG", "KL", "PR"]))", city: "Arnhem",
            districtId: rng.pick(area.districtIDs).uuidString))
        let law: LawScope = age < 18 ? .jeugd : (rng.chance(0.08) ? .both : .wmo)
        let careLaw: Law = law == .jeugd ? .jeugd : .wmo
        let domains = Array(LifeDomain.allCases.shuffled(using: &rng).prefix(Int.random(in: 1...4, using: &rng))).map(\.rawValue)
        let intakeService = RequestService(db: db, actor: area.coach, today: intake)
        let request = try await intakeService.register(RequestInput(
            residentId: try resident.requireID().uuidString, intakeDate: intake.description,
            summary: "Synthetische demo-casus: ondersteuningsvraag op \(domains.count) leefgebied(en).", law: law.rawValue,
            lifeDomains: domains, urgency: rng.chance(0.1) ? Urgency.high.rawValue : Urgency.normal.rawValue,
            consentForMeeting: rng.chance(0.8)))
        let id = try request.requireID()
        let providers = careLaw == .wmo ? area.wmoProviders : area.youthProviders
        let outside = careLaw == .wmo ? world.outsideWmo : world.outsideYouth

        // Route: about a third through the meeting (only where there is a network).
        let viaMeeting = area.networkID != nil && rng.chance(0.33)
        var decisionDay = intake.adding(days: Int.random(in: 1...6, using: &rng))
        var outcomes: [OutcomeInput] = []
        if viaMeeting {
            let routed = try await intakeService.route(id, RouteInput(route: Route.meeting.rawValue))
            _ = routed
            let meeting = try await AgendaItem.query(on: db).filter(\.$request.$id == id).with(\.$meeting).first()
            decisionDay = meeting.flatMap { CalendarDate($0.meeting.date) } ?? decisionDay
            if rng.chance(0.7) {
                let inside = rng.chance(0.66)
                let provider = inside ? rng.pick(Array(providers.prefix(4))) : rng.pick(outside)
                // A reason is only kept when the provider turns out to be outside (also before the networks started).
                outcomes.append(OutcomeInput(kind: OutcomeKind.indicatedCare.rawValue, organisationId: provider.uuidString,
                                             outsideReason: rng.pick(Array(reasons.dropLast()))))
            }
            if rng.chance(0.3) || outcomes.isEmpty {
                outcomes.append(OutcomeInput(kind: OutcomeKind.welfare.rawValue, organisationId: rng.pick(area.welfare).uuidString,
                                             activity: rng.pick(["Koffie-ochtend", "Budgetcursus", "Wandelgroep", "Maatjesproject"])))
            }
            if rng.chance(0.15) { outcomes.append(OutcomeInput(kind: OutcomeKind.ownNetwork.rawValue)) }
        } else {
            let partner: UUID
            if rng.chance(0.45) {
                partner = rng.pick(area.welfare)
                outcomes.append(OutcomeInput(kind: OutcomeKind.welfare.rawValue, organisationId: partner.uuidString, activity: "Inloopspreekuur"))
            } else if rng.chance(0.25) {
                partner = area.welfare[0]
                outcomes.append(OutcomeInput(kind: OutcomeKind.coachSupport.rawValue))
            } else {
                let inside = rng.chance(0.5)
                partner = inside ? rng.pick(Array(providers.prefix(4))) : rng.pick(outside)
                outcomes.append(OutcomeInput(kind: OutcomeKind.indicatedCare.rawValue, organisationId: partner.uuidString,
                                             outsideReason: rng.pick(Array(reasons.dropLast()))))
            }
            _ = try await intakeService.route(id, RouteInput(route: Route.direct.rawValue, partnerId: partner.uuidString))
        }
        let decider = viaMeeting ? (area.chair ?? area.coach) : area.coach
        _ = try await RequestService(db: db, actor: decider, today: decisionDay).decide(id, DecisionInput(outcomes: outcomes))

        // Follow-up: assignments for indicated care, referrals for welfare.
        let followUp = RequestService(db: db, actor: area.coach, today: decisionDay)
        for outcome in outcomes {
            switch outcome.kind.flatMap(OutcomeKind.init(rawValue:)) {
            case .indicatedCare:
                let provider = outcome.organisationId!
                let isInside = providers.map(\.uuidString).contains(provider)
                let specialist = rng.chance(isInside ? 0.45 : 0.6)
                let products = world.products[careLaw]!
                let start = decisionDay.adding(days: Int.random(in: 3...21, using: &rng))
                let hours = isInside ? Double(Int.random(in: 4...12, using: &rng)) / 4 : Double(Int.random(in: 8...24, using: &rng)) / 4
                let first = try await followUp.addAssignment(id, AssignmentInput(
                    law: careLaw.rawValue, productId: (specialist ? products.specialist : products.basic).uuidString,
                    providerId: provider, hoursPerWeek: hours, startDate: start.description,
                    endDate: start.adding(days: 182).description, kind: AssignmentKind.first.rawValue,
                    outsideReason: outcome.outsideReason))
                if rng.chance(0.2) {
                    _ = try await followUp.addAssignment(id, AssignmentInput(
                        law: careLaw.rawValue, productId: products.basic.uuidString, providerId: provider, hoursPerWeek: max(1, hours - 1),
                        startDate: start.adding(days: 183).description, endDate: start.adding(days: 365).description,
                        kind: AssignmentKind.renewal.rawValue, previousAssignmentId: try first.requireID().uuidString))
                }
            case .welfare:
                _ = try await followUp.addReferral(id, ReferralInput(
                    partnerId: outcome.organisationId, activity: outcome.activity ?? "Welzijnsactiviteit",
                    date: decisionDay.adding(days: Int.random(in: 2...10, using: &rng)).description,
                    status: rng.pick([ReferralStatus.started, .completed, .started]).rawValue))
            default:
                break
            }
        }
        if intake.days(until: .today()) > 200 && rng.chance(0.5) {
            _ = try await RequestService(db: db, actor: area.coach, today: decisionDay.adding(days: 190)).close(id)
        }
    }
}
