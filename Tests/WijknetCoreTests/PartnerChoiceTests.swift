import Foundation
import Testing
@testable import WijknetCore

@Suite struct PartnerChoiceTests {
    @Test func thisNetworksPartnersComeFirstInNaturalOrder() {
        let here = UUID(), there = UUID()
        let z2 = PartnerChoice.Candidate(id: UUID(), name: "Zorg 2"), z10 = PartnerChoice.Candidate(id: UUID(), name: "Zorg 10")
        let free = PartnerChoice.Candidate(id: UUID(), name: "Aanbieder zonder netwerk")
        let other = PartnerChoice.Candidate(id: UUID(), name: "Andere wijk zorg")
        let ended = PartnerChoice.Candidate(id: UUID(), name: "Was partner")
        let day = CalendarDate("2026-06-01")!
        let memberships = [
            MembershipPeriod(organisationID: z10.id, networkID: here, ring: .core, start: CalendarDate("2025-01-01")!, end: nil),
            MembershipPeriod(organisationID: z2.id, networkID: here, ring: .core, start: CalendarDate("2025-01-01")!, end: nil),
            MembershipPeriod(organisationID: other.id, networkID: there, ring: .core, start: CalendarDate("2025-01-01")!, end: nil),
            MembershipPeriod(organisationID: ended.id, networkID: here, ring: .core, start: CalendarDate("2025-01-01")!, end: CalendarDate("2026-01-01")!),
            MembershipPeriod(organisationID: free.id, networkID: here, ring: .wide, start: CalendarDate("2025-01-01")!, end: nil),
        ]
        let groups = PartnerChoice.grouped([other, z10, free, ended, z2], network: here, on: day, memberships: memberships)
        #expect(groups.map(\.group) == [.thisNetwork, .noNetwork, .otherNetwork])
        #expect(groups[0].candidates.map(\.name) == ["Zorg 2", "Zorg 10"])
        #expect(groups[1].candidates.map(\.name) == ["Aanbieder zonder netwerk", "Was partner"], "the wide ring and an ended membership are not the core")
        #expect(groups[2].candidates == [other])
        #expect(PartnerChoice.grouped([z2], network: nil, on: day, memberships: memberships).map(\.group) == [.otherNetwork])
    }
}
