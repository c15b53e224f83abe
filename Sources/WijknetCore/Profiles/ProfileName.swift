/// The name a zelfredzaamheidsprofiel gets from its centre: the domains where its residents are
/// least self-sufficient, "financiën en huisvesting laag". Analysts can change it; this is the
/// proposal.
public enum ProfileName {
    /// Below this mean level a domain counts as low (between beperkt and voldoende zelfredzaam).
    public static let low = 3.5

    /// - Parameter centre: the mean level per domain, in `LifeDomain.allCases` order.
    public static func propose(centre: [Double]) -> String {
        let ranked = zip(LifeDomain.allCases, centre).filter { $0.1 < low }.sorted { $0.1 < $1.1 }.prefix(2).map { lowercasedFirst($0.0.label) }
        switch ranked.count {
        case 0: return "overal voldoende zelfredzaam"
        case 1: return "\(ranked[0]) laag"
        default: return "\(ranked[0]) en \(ranked[1]) laag"
        }
    }

    /// "Financiën" → "financiën", "Basale ADL" → "basale ADL".
    static func lowercasedFirst(_ label: String) -> String { label.prefix(1).lowercased() + label.dropFirst() }
}
