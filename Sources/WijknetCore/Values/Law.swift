/// The law a request or assignment falls under: Wmo 2015 or the Jeugdwet.
public enum Law: String, Codable, CaseIterable, Sendable, Comparable {
    case wmo
    case jeugd

    public var label: String {
        switch self {
        case .wmo: "Wmo"
        case .jeugd: "Jeugd"
        }
    }

    public static func < (lhs: Law, rhs: Law) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The laws a support request touches: a request can concern Wmo, Jeugd or both.
public enum LawScope: String, Codable, CaseIterable, Sendable {
    case wmo
    case jeugd
    case both

    public var laws: Set<Law> {
        switch self {
        case .wmo: [.wmo]
        case .jeugd: [.jeugd]
        case .both: [.wmo, .jeugd]
        }
    }

    public func includes(_ law: Law) -> Bool { laws.contains(law) }

    public var label: String {
        switch self {
        case .wmo: "Wmo"
        case .jeugd: "Jeugd"
        case .both: "Wmo en Jeugd"
        }
    }
}
