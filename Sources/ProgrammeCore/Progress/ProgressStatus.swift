/// An opgave's progress in the letter: derived by `ProgressRule`, or set by staff with a reason.
public enum ProgressStatus: String, CaseIterable, Codable, Comparable, Sendable {
    case onTrack
    case attention
    case behind

    public var dutch: String {
        switch self {
        case .onTrack: "Op koers"
        case .attention: "Aandacht nodig"
        case .behind: "Achter op schema"
        }
    }

    /// How serious: a worse status sorts after a better one.
    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}
