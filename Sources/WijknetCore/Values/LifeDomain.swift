/// A life domain involved in a request. The list follows the 13 domains of ZRM 2017,
/// so that a request and a later self-sufficiency assessment speak the same language.
public enum LifeDomain: String, Codable, CaseIterable, Sendable {
    case finances
    case workAndEducation
    case timeUse
    case housing
    case domesticRelations
    case mentalHealth
    case physicalHealth
    case substanceUse
    case basicADL
    case instrumentalADL
    case socialNetwork
    case participation
    case justice

    /// The Dutch name as used in the ZRM 2017.
    public var label: String {
        switch self {
        case .finances: "Financiën"
        case .workAndEducation: "Werk & opleiding"
        case .timeUse: "Tijdsbesteding"
        case .housing: "Huisvesting"
        case .domesticRelations: "Huiselijke relaties"
        case .mentalHealth: "Geestelijke gezondheid"
        case .physicalHealth: "Lichamelijke gezondheid"
        case .substanceUse: "Middelengebruik"
        case .basicADL: "Basale ADL"
        case .instrumentalADL: "Instrumentele ADL"
        case .socialNetwork: "Sociaal netwerk"
        case .participation: "Maatschappelijke participatie"
        case .justice: "Justitie"
        }
    }
}
