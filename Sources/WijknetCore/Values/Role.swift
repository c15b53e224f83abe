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
}
