/// The state of a welfare referral (toeleiding naar welzijn).
public enum ReferralStatus: String, Codable, CaseIterable, Sendable {
    case proposed
    case started
    case completed
    case declined

    public var label: String {
        switch self {
        case .proposed: "Voorgesteld"
        case .started: "Gestart"
        case .completed: "Afgerond"
        case .declined: "Niet gestart"
        }
    }
}
