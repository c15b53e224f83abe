import Foundation
import WijknetCore

/// One synthetic case, decided up front: who the resident is, the route, the outcomes, the
/// assignments and referrals. `CaseGenerator` plays it through the services; `BulkCaseLoader`
/// writes the same story straight into the tables for large benchmarks.
package struct SyntheticCase {
    package struct Outcome {
        package let kind: OutcomeKind
        package let organisation: UUID?
        package let activity: String?
        /// Offered with every indicated-care outcome; kept only when the provider is outside.
        package let reason: String?
    }

    package struct Care {
        package let provider: UUID
        package let specialist: Bool
        package let hours: Double
        package let startOffset: Int
        package let renewal: Bool
    }

    package struct Welfare {
        package let partner: UUID
        package let activity: String
        package let dateOffset: Int
        package let status: ReferralStatus
    }

    package let area: DemoWorld.Area
    package let intake: CalendarDate
    package let resident: ResidentInput
    package let birth: CalendarDate
    package let law: LawScope
    package let careLaw: Law
    package let domains: [LifeDomain]
    package let urgency: Urgency
    package let consent: Bool
    package let viaMeeting: Bool
    /// For the direct route: the partner the coach contacts.
    package let directPartner: UUID?
    /// Days from intake to the decision on the direct route (the meeting's date otherwise).
    package let directDecisionOffset: Int
    package let outcomes: [Outcome]
    package let care: [Care]
    package let welfare: [Welfare]
    /// Closed 190 days after the decision, for cases old enough.
    package let closes: Bool

    package static let activities = ["Koffie-ochtend", "Budgetcursus", "Wandelgroep", "Maatjesproject"]

    /// How far the pilot had come on `date`: 0 when the networks started (February 2025), 1 from the
    /// end of 2025 on. Seed 001: the share of new care at network partners rose over that year.
    package static func pilotProgress(_ date: CalendarDate) -> Double {
        let start = DemoWorld.networkStart, end = CalendarDate(year: 2025, month: 12, day: 31)!
        return min(1, max(0, Double(start.days(until: date)) / Double(start.days(until: end))))
    }

    /// The mix follows the council's 2025 figures (seed 001, as domain.md defines them): a third of
    /// the requests goes through the meeting (about 165 of 500 a year); of those about 66% get
    /// indicated care inside the network (K2, rising over the year) and about 30% welfare (K3).
    /// Most other care is assigned on the direct route, at first mostly outside the network; so
    /// the share of new first assignments inside (K5) rises from about 25% to about 50%.
    package static func make(world: DemoWorld, area: DemoWorld.Area, intake: CalendarDate, bsn: BSN, rng: inout SeededRandom) -> SyntheticCase {
        let age = Int.random(in: 4...88, using: &rng)
        let birth = CalendarDate(year: intake.year - age, month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 1...28, using: &rng))!
        let resident = ResidentInput(
            givenName: rng.pick(DemoNames.given), familyName: rng.pick(DemoNames.family), birthDate: birth.description, bsn: bsn.digits,
            street: rng.pick(DemoNames.streets), houseNumber: String(Int.random(in: 1...180, using: &rng)),
            postcode: "68\(Int.random(in: 10...46, using: &rng)) \(rng.pick(["AB", "BK", "CD", "HG", "KL", "PR"]))", city: "Arnhem",
            districtId: rng.pick(area.districtIDs).uuidString)
        let law: LawScope = age < 18 ? .jeugd : (rng.chance(0.08) ? .both : .wmo)
        let careLaw: Law = law == .jeugd ? .jeugd : .wmo
        let domains = Array(LifeDomain.allCases.shuffled(using: &rng).prefix(Int.random(in: 1...4, using: &rng)))
        let urgency: Urgency = rng.chance(0.1) ? .high : .normal
        let consent = rng.chance(0.8)
        // Partners that stayed in the network all year (the fifth joined or left mid-year).
        let partners = Array((careLaw == .wmo ? area.wmoProviders : area.youthProviders).prefix(4))
        let outside = careLaw == .wmo ? world.outsideWmo : world.outsideYouth
        let reasons = OutsideReasonOption.defaults.map(\.code).filter { $0 != "other" }

        let progress = pilotProgress(intake)
        let viaMeeting = area.networkID != nil && rng.chance(0.33)
        var outcomes: [Outcome] = []
        var directPartner: UUID?
        if viaMeeting {
            if rng.chance(0.85) {
                let provider = rng.chance(0.68 + 0.3 * progress) ? rng.pick(partners) : rng.pick(outside)
                outcomes.append(Outcome(kind: .indicatedCare, organisation: provider, activity: nil, reason: rng.pick(reasons)))
            }
            if rng.chance(0.3) {
                outcomes.append(Outcome(kind: .welfare, organisation: rng.pick(area.welfare), activity: rng.pick(activities), reason: nil))
            }
            if rng.chance(0.15) || outcomes.isEmpty {
                let kind: OutcomeKind = rng.chance(0.5) ? .ownNetwork : .coachSupport
                outcomes.append(Outcome(kind: kind, organisation: nil, activity: nil, reason: nil))
            }
        } else if rng.chance(0.2) {
            let partner = rng.pick(area.welfare)
            directPartner = partner
            outcomes.append(Outcome(kind: .welfare, organisation: partner, activity: "Inloopspreekuur", reason: nil))
        } else if rng.chance(0.12) {
            directPartner = area.welfare[0]
            outcomes.append(Outcome(kind: .coachSupport, organisation: nil, activity: nil, reason: nil))
        } else {
            let provider = rng.chance(0.03 + 0.3 * progress) ? rng.pick(partners) : rng.pick(outside)
            directPartner = provider
            outcomes.append(Outcome(kind: .indicatedCare, organisation: provider, activity: nil, reason: rng.pick(reasons)))
        }
        let directDecisionOffset = Int.random(in: 1...6, using: &rng)
        var care: [Care] = []
        var welfare: [Welfare] = []
        for outcome in outcomes {
            switch outcome.kind {
            case .indicatedCare:
                let isPartner = partners.contains(outcome.organisation!)
                care.append(Care(provider: outcome.organisation!, specialist: rng.chance(isPartner ? 0.45 : 0.6),
                                 hours: isPartner ? Double(Int.random(in: 4...12, using: &rng)) / 4 : Double(Int.random(in: 8...24, using: &rng)) / 4,
                                 startOffset: Int.random(in: 3...21, using: &rng), renewal: rng.chance(0.2)))
            case .welfare:
                welfare.append(Welfare(partner: outcome.organisation!, activity: outcome.activity ?? "Welzijnsactiviteit",
                                       dateOffset: Int.random(in: 2...10, using: &rng), status: rng.pick([.started, .completed, .started])))
            default:
                break
            }
        }
        return SyntheticCase(area: area, intake: intake, resident: resident, birth: birth, law: law, careLaw: careLaw, domains: domains,
                             urgency: urgency, consent: consent, viaMeeting: viaMeeting, directPartner: directPartner,
                             directDecisionOffset: directDecisionOffset, outcomes: outcomes, care: care, welfare: welfare,
                             closes: rng.chance(0.5))
    }

    package var summary: String { "Synthetische demo-casus: ondersteuningsvraag op \(domains.count) leefgebied(en)." }

    /// Only cases whose closing day has passed are closed.
    package func closingDay(decided: CalendarDate, today: CalendarDate) -> CalendarDate? {
        let day = decided.adding(days: 190)
        return closes && day < today ? day : nil
    }
}
