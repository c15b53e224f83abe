/// The kind of a partner organisation or provider.
public enum OrganisationKind: String, Codable, CaseIterable, Sendable {
    case welfare
    case wmoCare
    case youthCare
    case neighbourhoodTeam
    case generalPractice
    case education
    case socialBase

    public var label: String {
        switch self {
        case .welfare: "Welzijn"
        case .wmoCare: "Wmo-zorgaanbieder"
        case .youthCare: "Jeugdhulpaanbieder"
        case .neighbourhoodTeam: "Sociaal wijkteam"
        case .generalPractice: "Huisarts"
        case .education: "Onderwijs"
        case .socialBase: "Sociale basis"
        }
    }

    /// Whether this kind of organisation provides indicated care under a law.
    public func provides(_ law: Law) -> Bool {
        switch (self, law) {
        case (.wmoCare, .wmo), (.youthCare, .jeugd): true
        default: false
        }
    }
}

/// Whether a partner belongs to the core of a network (decides on requests) or to its wider ring
/// (huisarts, onderwijs, sociale basis).
public enum NetworkRing: String, Codable, CaseIterable, Sendable {
    case core
    case wide

    public var label: String {
        switch self {
        case .core: "Kern"
        case .wide: "Brede ring"
        }
    }
}
