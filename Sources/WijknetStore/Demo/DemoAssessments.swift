import Fluent
import Foundation
import WijknetCore

/// ZRM assessments for a synthetic resident, through the real services: one at intake, often one
/// about half a year later, and for some an older ZRM 2010 one as if imported. The levels follow
/// the request's life domains (low there, higher elsewhere), so profiles derived from demo data
/// mean something. Drawn from the resident's BSN, so the cases themselves stay as they were.
struct DemoAssessments: Sendable {
    let db: any Database
    let vault: BSNVault

    func record(_ story: SyntheticCase, resident: UUID) async throws {
        var rng = SeededRandom(seed: UInt64(story.resident.bsn!)!)
        let coach = story.area.coach
        var levels = LifeDomain.allCases.map { story.domains.contains($0) ? Int.random(in: 1...3, using: &rng) : Int.random(in: 3...5, using: &rng) }
        try await assess(levels, on: story.intake, resident: resident, by: coach)
        let later = story.intake.adding(days: 182 + Int.random(in: 0...30, using: &rng))
        if later < .today(), rng.chance(0.6) {
            levels = levels.map { min(5, max(1, $0 + Int.random(in: -1...2, using: &rng))) }
            try await assess(levels, on: later, resident: resident, by: coach)
        }
        if rng.chance(0.2) {
            let residents = ResidentService(db: db, actor: coach, vault: vault, today: story.intake)
            let older = ZRM2010File.Row(line: 2, bsn: BSN(story.resident.bsn!)!, date: story.intake.adding(days: -365 * Int.random(in: 3...6, using: &rng)),
                                        levels: Dictionary(uniqueKeysWithValues: ZRM2010Domain.allCases.map { domain in
                                            let base = domain.successors.map { levels[LifeDomain.allCases.firstIndex(of: $0)!] }.min()!
                                            return (domain, rng.chance(0.1) ? nil : max(1, base - Int.random(in: 0...1, using: &rng)))
                                        }))
            try await ZRM2010Import(residents: residents).apply(.init(rows: [(older, resident)], total: 1))
        }
    }

    private func assess(_ levels: [Int], on day: CalendarDate, resident: UUID, by coach: Actor) async throws {
        let service = ZRMService(residents: ResidentService(db: db, actor: coach, vault: vault, today: day))
        _ = try await service.record(resident, ZRMAssessmentInput(
            date: day.description,
            levels: Dictionary(uniqueKeysWithValues: zip(LifeDomain.allCases.map(\.rawValue), levels.map(String.init)))))
    }
}
