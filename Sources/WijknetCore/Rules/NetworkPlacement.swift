import Foundation

/// One period in which an organisation belonged to a network. Leaving a network ends the
/// period; it never rewrites it, so the past stays as it was.
public struct MembershipPeriod: Hashable, Sendable {
    public let organisationID: UUID
    public let networkID: UUID
    public let ring: NetworkRing
    public let start: CalendarDate
    public let end: CalendarDate?

    public init(organisationID: UUID, networkID: UUID, ring: NetworkRing, start: CalendarDate, end: CalendarDate?) {
        self.organisationID = organisationID
        self.networkID = networkID
        self.ring = ring
        self.start = start
        self.end = end
    }

    public func covers(_ date: CalendarDate) -> Bool {
        start <= date && (end.map { date <= $0 } ?? true)
    }
}

/// Whether care is given inside the network (binnen het wijknetwerk).
public enum NetworkPlacement {
    /// A provider is inside for an assignment when, on the assignment's start date, it is a core
    /// partner of the network that covers the wijk of the request. A request in a wijk without a
    /// network is always outside.
    public static func isInside(provider: UUID, network: UUID?, on date: CalendarDate, memberships: [MembershipPeriod]) -> Bool {
        guard let network else { return false }
        return memberships.contains {
            $0.organisationID == provider && $0.networkID == network && $0.ring == .core && $0.covers(date)
        }
    }

    /// A new period must not overlap another period of the same organisation in the same network.
    public static func overlaps(_ new: MembershipPeriod, existing: [MembershipPeriod]) -> Bool {
        existing.contains { other in
            guard other.organisationID == new.organisationID, other.networkID == new.networkID else { return false }
            let newEnd = new.end ?? CalendarDate(year: 2999, month: 12, day: 31)!
            let otherEnd = other.end ?? CalendarDate(year: 2999, month: 12, day: 31)!
            return new.start <= otherEnd && other.start <= newEnd
        }
    }
}
