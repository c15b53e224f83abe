import WijknetCore

/// Where an initiative stands, as its owner says.
public enum InitiativeStatus: String, CaseIterable, Codable, Sendable {
    case planned
    case running
    case finished
    case stopped

    public var dutch: String {
        switch self {
        case .planned: "Gepland"
        case .running: "Loopt"
        case .finished: "Afgerond"
        case .stopped: "Gestopt"
        }
    }
}

/// A link from an initiative to another programme or a council letter, by title and reference
/// (`NPAO`, `raadsbrief 16 september 2025`): the letter names them, Wijknet does not hold them.
public struct ProgrammeLink: Hashable, Codable, Sendable {
    public var title: String
    public var reference: String?

    public init(title: String, reference: String? = nil) {
        self.title = title
        self.reference = reference
    }
}
