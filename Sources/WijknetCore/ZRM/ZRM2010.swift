/// The eleven domains of the original ZRM (2010/2013), for assessments imported from before
/// Wijknet. They stay what they are: shown as 2010 scores, never converted into 2017 ones. The
/// mapping below says which 2017 domains each became (FACTS.md in the ZRM reference), so a
/// history can show the two versions side by side with the link explained.
public enum ZRM2010Domain: String, Codable, CaseIterable, Sendable {
    case finances
    case dayActivities
    case housing
    case domesticRelations
    case mentalHealth
    case physicalHealth
    case addiction
    case adl
    case socialNetwork
    case participation
    case justice

    public var label: String {
        switch self {
        case .finances: "Financiën"
        case .dayActivities: "Dagbesteding"
        case .housing: "Huisvesting"
        case .domesticRelations: "Huiselijke relaties"
        case .mentalHealth: "Geestelijke gezondheid"
        case .physicalHealth: "Lichamelijke gezondheid"
        case .addiction: "Verslaving"
        case .adl: "ADL-vaardigheden"
        case .socialNetwork: "Sociaal netwerk"
        case .participation: "Maatschappelijke participatie"
        case .justice: "Justitie"
        }
    }

    /// The column of this domain in an import file (docs/import.md).
    public var column: String {
        switch self {
        case .finances: "financien"
        case .dayActivities: "dagbesteding"
        case .housing: "huisvesting"
        case .domesticRelations: "huiselijke_relaties"
        case .mentalHealth: "geestelijke_gezondheid"
        case .physicalHealth: "lichamelijke_gezondheid"
        case .addiction: "verslaving"
        case .adl: "adl"
        case .socialNetwork: "sociaal_netwerk"
        case .participation: "maatschappelijke_participatie"
        case .justice: "justitie"
        }
    }

    /// The ZRM 2017 domains this domain became: two where it was split, one otherwise.
    public var successors: [LifeDomain] {
        switch self {
        case .finances: [.finances]
        case .dayActivities: [.workAndEducation, .timeUse]
        case .housing: [.housing]
        case .domesticRelations: [.domesticRelations]
        case .mentalHealth: [.mentalHealth]
        case .physicalHealth: [.physicalHealth]
        case .addiction: [.substanceUse]
        case .adl: [.basicADL, .instrumentalADL]
        case .socialNetwork: [.socialNetwork]
        case .participation: [.participation]
        case .justice: [.justice]
        }
    }

    /// The 2010 domain a 2017 domain came from.
    public static func predecessor(of domain: LifeDomain) -> ZRM2010Domain {
        allCases.first { $0.successors.contains(domain) }!
    }

    /// How the mapping reads in Dutch, for the page that shows an imported assessment.
    public var mappingNote: String {
        switch successors.count {
        case 1 where successors[0].label == label: "zelfde domein in ZRM 2017"
        case 1: "heet in ZRM 2017 \(successors[0].label)"
        default: "in ZRM 2017 gesplitst in \(successors.map(\.label).joined(separator: " en "))"
        }
    }
}
