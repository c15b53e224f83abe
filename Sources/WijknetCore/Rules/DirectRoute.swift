import Foundation

/// Who may pick up a request on the direct route. Whoever it is reads the case file, so the choice
/// is limited to what the process allows: a core partner of the network of the request's wijk,
/// or a care provider for the request's law that is not another network's partner (contracted
/// for the whole municipality). In a wijk without a network also a welfare organisation that
/// belongs to no other network. Never a school, a GP, the sociaal wijkteam itself, or another
/// area's network partner.
public enum DirectRoute {
    /// `memberships` holds the partner's periods in every network.
    public static func allows(partner: UUID, kind: OrganisationKind, network: UUID?, law: LawScope, on date: CalendarDate,
                              memberships: [MembershipPeriod]) -> Bool {
        if let network, NetworkPlacement.isInside(provider: partner, network: network, on: date, memberships: memberships) { return true }
        let inAnotherNetwork = memberships.contains { $0.organisationID == partner && $0.networkID != network && $0.covers(date) }
        if inAnotherNetwork { return false }
        if law.laws.contains(where: kind.provides) { return true }
        return network == nil && kind == .welfare
    }

    public static let refusal = "Kies een netwerkpartner in de kern van het wijknetwerk van deze wijk of een zorgaanbieder voor deze wet die niet bij een ander wijknetwerk hoort."
}
