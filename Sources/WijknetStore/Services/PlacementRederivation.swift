import Fluent
import Foundation
import WijknetCore

/// Inside or outside the network is derived from the provider's membership on the day that
/// counts (domain.md): an assignment's start, a decision's date. Memberships are often entered
/// or ended late, so when one is added, ended or corrected, every assignment, outcome and imported
/// assignment of that organisation in that network is derived again, in the same transaction as
/// the membership change, and the area's figures are marked stale. Nothing is frozen at saving.
enum PlacementRederivation {
    /// Derives again what `organisation`'s place in `network` decides; returns how many records changed.
    @discardableResult
    static func apply(network networkID: UUID, organisation: UUID, on db: any Database) async throws -> Int {
        let network = try await Lookup.require(Network.self, networkID, on: db, what: "netwerk")
        let memberships = try await Lookup.memberships(network: networkID, on: db)
        func inside(on text: String) -> Bool? {
            CalendarDate(text).map { NetworkPlacement.isInside(provider: organisation, network: networkID, on: $0, memberships: memberships) }
        }
        /// Saves each record whose place differs from what its day now gives.
        func update<M: Model>(_ records: [M], day: (M) -> String, place: (M) -> Bool?, set: (M, Bool) -> Void) async throws -> Int {
            var changed = 0
            for record in records {
                guard let now = inside(on: day(record)), now != place(record) else { continue }
                set(record, now)
                try await record.save(on: db)
                changed += 1
            }
            return changed
        }
        let assignments = try await Assignment.query(on: db)
            .join(SupportRequest.self, on: \Assignment.$request.$id == \SupportRequest.$id)
            .filter(SupportRequest.self, \.$network.$id == networkID)
            .filter(\.$provider.$id == organisation).all()
        let outcomes = try await Outcome.query(on: db)
            .join(SupportRequest.self, on: \Outcome.$request.$id == \SupportRequest.$id)
            .filter(SupportRequest.self, \.$network.$id == networkID)
            .filter(\.$organisation.$id == organisation).filter(\.$insideNetwork != nil).all()
        let imported = try await HistoricalAssignment.query(on: db)
            .filter(\.$network.$id == networkID).filter(\.$provider.$id == organisation).all()
        let changed = try await update(assignments, day: \.start, place: \.insideNetwork, set: { $0.insideNetwork = $1 })
            + update(outcomes, day: \.decidedOn, place: \.insideNetwork, set: { $0.insideNetwork = $1 })
            + update(imported, day: \.start, place: \.insideNetwork, set: { $0.insideNetwork = $1 })
        if changed > 0 { try await FigureTallies.touch(area: network.$area.id, on: db) }
        return changed
    }
}
