/// What the programme decided about a method or intervention: "successful methods are continued
/// and broadened; we stop what does not work" (seed 000).
public enum LearningDecision: String, CaseIterable, Codable, Sendable {
    case continueAsIs = "continue"
    case broaden
    case adjust
    case stop

    public var dutch: String {
        switch self {
        case .continueAsIs: "Voortzetten"
        case .broaden: "Verbreden"
        case .adjust: "Bijstellen"
        case .stop: "Stoppen"
        }
    }
}
