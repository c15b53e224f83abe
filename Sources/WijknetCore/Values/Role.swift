/// What a user does in Wijknet. Permissions per role live in `Permission`.
public enum Role: String, Codable, CaseIterable, Sendable {
    case coach
    case partner
    case chair
    case analyst
    /// A member of the municipal council: the figures, read-only.
    case council
    case admin
    /// Reads the audit log; sees no case content beyond what an entry names.
    case auditor

    public var label: String {
        switch self {
        case .coach: "Wijkcoach"
        case .partner: "Professional netwerkpartner"
        case .chair: "Voorzitter wijknetwerkoverleg"
        case .analyst: "Beleidsadviseur"
        case .council: "Raadslid"
        case .admin: "Beheerder"
        case .auditor: "Auditor"
        }
    }

    /// The Dutch word an operator types on the command line (`--role beheerder`).
    public var commandLineName: String {
        switch self {
        case .coach: "wijkcoach"
        case .partner: "netwerkpartner"
        case .chair: "voorzitter"
        case .analyst: "beleidsadviseur"
        case .council: "raadslid"
        case .admin: "beheerder"
        case .auditor: "auditor"
        }
    }

    /// From the Dutch word, or the role's code (`admin`).
    public init?(commandLineName text: String) {
        let lower = text.lowercased()
        guard let role = Role.allCases.first(where: { $0.commandLineName == lower || $0.rawValue == lower }) else { return nil }
        self = role
    }
}
