import Foundation
import Testing
@testable import WijknetCore

@Suite struct NetworkPlacementTests {
    let provider = UUID()
    let network = UUID()
    let d = { (s: String) in CalendarDate(s)! }

    @Test func insideOnlyWhileCoreMemberOnTheStartDate() {
        let periods = [MembershipPeriod(organisationID: provider, networkID: network, ring: .core, start: d("2025-07-01"), end: d("2025-12-31"))]
        #expect(!NetworkPlacement.isInside(provider: provider, network: network, on: d("2025-06-30"), memberships: periods))
        #expect(NetworkPlacement.isInside(provider: provider, network: network, on: d("2025-07-01"), memberships: periods))
        #expect(NetworkPlacement.isInside(provider: provider, network: network, on: d("2025-12-31"), memberships: periods))
        #expect(!NetworkPlacement.isInside(provider: provider, network: network, on: d("2026-01-01"), memberships: periods))
    }

    @Test func wideRingAndMissingNetworkAreOutside() {
        let wide = [MembershipPeriod(organisationID: provider, networkID: network, ring: .wide, start: d("2025-01-01"), end: nil)]
        #expect(!NetworkPlacement.isInside(provider: provider, network: network, on: d("2025-03-01"), memberships: wide))
        #expect(!NetworkPlacement.isInside(provider: provider, network: nil, on: d("2025-03-01"), memberships: wide))
    }

    @Test func overlappingPeriodsAreDetected() {
        let existing = [MembershipPeriod(organisationID: provider, networkID: network, ring: .core, start: d("2025-01-01"), end: d("2025-06-30"))]
        let overlapping = MembershipPeriod(organisationID: provider, networkID: network, ring: .core, start: d("2025-06-30"), end: nil)
        let after = MembershipPeriod(organisationID: provider, networkID: network, ring: .core, start: d("2025-07-01"), end: nil)
        #expect(NetworkPlacement.overlaps(overlapping, existing: existing))
        #expect(!NetworkPlacement.overlaps(after, existing: existing))
    }
}
