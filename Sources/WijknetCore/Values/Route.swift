/// How a request travels after intake: straight to a partner (directe route) or via the
/// weekly wijknetwerkoverleg when there is doubt about the right support.
public enum Route: String, Codable, CaseIterable, Sendable {
    case direct
    case meeting

    public var label: String {
        switch self {
        case .direct: "Directe route"
        case .meeting: "Wijknetwerkoverleg"
        }
    }
}
