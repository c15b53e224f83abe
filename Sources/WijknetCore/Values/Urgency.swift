/// How soon support must start, as judged by the coach at the keukentafelgesprek.
public enum Urgency: String, Codable, CaseIterable, Sendable {
    case normal
    case high
    case crisis

    public var label: String {
        switch self {
        case .normal: "Normaal"
        case .high: "Hoog"
        case .crisis: "Crisis"
        }
    }
}
