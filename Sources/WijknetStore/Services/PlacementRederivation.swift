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
        var changed = 0
        let assignments = try await Assignment.query(on: db)
            .join(SupportRequest.self, on: \Assignment.$request.$id == \SupportRequest.$id)
            .filter(SupportRequest.self, \.$network.$id == networkID)
            .filter(\.$provider.$id == organisation).all()
        for assignment in assignments {
            guard let now = inside(on: assignment.start), now != assignment.insideNetwork else { continue }
            assignment.insideNetwork = now
            try await assignment.save(on: db)
            changed += 1
        }
        let outcomes = try await Outcome.query(on: db)
            .join(SupportRequest.self, on: \Outcome.$request.$id == \SupportRequest.$id)
            .filter(SupportRequest.self, \.$network.$id == networkID)
            .filter(\.$organisation.$id == organisation).filter(\.$insideNetwork != nil).all()
        for outcome in outcomes {
            guard let now = inside(on: outcome.decidedOn), now != outcome.insideNetwork else { continue }
            outcome.insideNetwork = now
            try await outcome.save(on: db)
            changed += 1
        }
        let imported = try await HistoricalAssignment.query(on: db)
            .filter(\.$network.$id == networkID).filter(\.$provider.$id == organisation).all()
        for assignment in imported {
            guard let now = inside(on: assignment.start), now != assignment.insideNetwork else { continue }
            assignment.insideNetwork = now
            try await assignment.save(on: db)
            changed += 1
        }
        if changed > 0 { try await FigureTallies.touch(area: network.$area.id, on: db) }
        return changed
    }
}
