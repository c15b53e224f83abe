/// Whether an assignment (toewijzing) answers a new request or continues an earlier one.
public enum AssignmentKind: String, Codable, CaseIterable, Sendable {
    /// eerste toewijzing: the first assignment that answers a new request.
    case first
    /// verlenging: the same care continued after the earlier end date.
    case renewal
    /// wijziging: the earlier assignment changed (hours, product).
    case change

    public var label: String {
        switch self {
        case .first: "Eerste toewijzing"
        case .renewal: "Verlenging"
        case .change: "Wijziging"
        }
    }

    public var continuesEarlierAssignment: Bool { self != .first }
}

/// The weight of a product: the two purchased products of Begeleiding, or something else.
public enum ProductLevel: String, Codable, CaseIterable, Sendable {
    case basic
    case specialist
    case other

    public var label: String {
        switch self {
        case .basic: "Basisbegeleiding"
        case .specialist: "Specialistische begeleiding"
        case .other: "Overig"
        }
    }
}
