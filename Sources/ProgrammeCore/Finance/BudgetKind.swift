/// The two budgets of the programme in seed 000: the programme budget (among other things the
/// programme's staff) and the execution budget (carrying out the opgaven).
public enum BudgetKind: String, CaseIterable, Codable, Sendable {
    case programme
    case execution

    public var dutch: String {
        switch self {
        case .programme: "Programmabudget"
        case .execution: "Uitvoeringsbudget"
        }
    }
}
