/// What a request leads to. A decision can combine several outcomes.
public enum OutcomeKind: String, Codable, CaseIterable, Sendable {
    /// eigen netwerk: family, neighbours, volunteers.
    case ownNetwork
    /// welzijn: a freely accessible activity or group offer (toeleiding).
    case welfare
    /// ondersteuning door de wijkcoach.
    case coachSupport
    /// geïndiceerde zorg: care that needs a decision and an assignment (toewijzing).
    case indicatedCare

    public var label: String {
        switch self {
        case .ownNetwork: "Eigen netwerk"
        case .welfare: "Welzijn"
        case .coachSupport: "Ondersteuning door wijkcoach"
        case .indicatedCare: "Geïndiceerde zorg"
        }
    }
}
