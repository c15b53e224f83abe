/// The state of a welfare referral (toeleiding naar welzijn).
public enum ReferralStatus: String, Codable, CaseIterable, Sendable {
    case proposed
    case started
    case completed
    case declined
    /// The welfare partner could not reach the resident (reported by the partner).
    case notReached

    public var label: String {
        switch self {
        case .proposed: "Voorgesteld"
        case .started: "Gestart"
        case .completed: "Afgerond"
        case .declined: "Niet gestart"
        case .notReached: "Inwoner niet bereikt"
        }
    }

    /// The results a welfare partner reports on its own referral: whether the resident came.
    /// The coach records the others ("voorgesteld", "niet gestart").
    public static let partnerResults: [ReferralStatus] = [.started, .notReached, .completed]

    /// Whether the referral is support by welfare (K3, K8): not when the resident did not take it
    /// up or was never reached.
    public var isSupport: Bool { self != .declined && self != .notReached }
}
