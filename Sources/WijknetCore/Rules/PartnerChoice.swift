import Foundation

/// The organisations offered when a coach or chair picks a provider or partner for a request:
/// this network's partners first, then those that belong to no network, then the partners of
/// other networks; each group in natural order ("Zorg 2" before "Zorg 10"). Nothing is left out,
/// since care outside the network is a real choice, but the usual choice is at the top.
public enum PartnerChoice {
    public struct Candidate: Sendable, Equatable {
        public let id: UUID
        public let name: String

        public init(id: UUID, name: String) {
            self.id = id
            self.name = name
        }
    }

    public enum Group: String, CaseIterable, Sendable {
        case thisNetwork, noNetwork, otherNetwork

        public var label: String {
            switch self {
            case .thisNetwork: "Netwerkpartners van dit wijknetwerk"
            case .noNetwork: "Aanbieders zonder wijknetwerk"
            case .otherNetwork: "Netwerkpartners van andere wijknetwerken"
            }
        }
    }

    /// The candidates per group, in the order to show them; empty groups are left out.
    public static func grouped(_ candidates: [Candidate], network: UUID?, on date: CalendarDate,
                               memberships: [MembershipPeriod]) -> [(group: Group, candidates: [Candidate])] {
        let current = memberships.filter { $0.ring == .core && $0.covers(date) }
        func group(of candidate: Candidate) -> Group {
            let networks = Set(current.filter { $0.organisationID == candidate.id }.map(\.networkID))
            if let network, networks.contains(network) { return .thisNetwork }
            return networks.isEmpty ? .noNetwork : .otherNetwork
        }
        let byGroup = Dictionary(grouping: candidates, by: group)
        return Group.allCases.compactMap { g in
            guard let members = byGroup[g], !members.isEmpty else { return nil }
            return (g, members.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending })
        }
    }
}
