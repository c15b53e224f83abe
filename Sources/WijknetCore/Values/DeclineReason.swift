/// Why a partner declines a request routed to it directly. The coach reads it in the case and
/// picks another route; the figures do not use it.
public enum DeclineReason: String, Codable, CaseIterable, Sendable {
    case noCapacity
    case notOurOffer
    case alreadyInvolved
    case other

    public var label: String {
        switch self {
        case .noCapacity: "Geen capaciteit op dit moment"
        case .notOurOffer: "Past niet bij ons aanbod"
        case .alreadyInvolved: "Er is al een andere organisatie betrokken"
        case .other: "Andere reden"
        }
    }

    /// "Andere reden" says nothing without an explanation.
    public var needsText: Bool { self == .other }
}
