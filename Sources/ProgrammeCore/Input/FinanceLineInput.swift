import WijknetCore

/// A budget line as a form (Dutch amounts) or the API (amounts with a decimal point) sends it.
public struct FinanceLineInput: Codable, Sendable {
    public var year: Int?
    public var opgave: Int?
    public var kind: String?
    public var taakveld: String?
    public var budget: String?
    public var committed: String?
    public var spent: String?
    public var forecast: String?

    /// An Iv3 taakveld: a main number and a sub number (`0.4`, `6.1`, `6.81a` is not one).
    public static func isTaakveld(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { (1...2).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// `opgaven`: the numbers of the programme's opgaven.
    public func validated(_ notation: Money.Notation, opgaven: Set<Int>) throws(ValidationFailure) -> FinanceLine {
        var check = Checker()
        if year == nil { check.fail("year", "Het jaar is verplicht.") }
        if let year, !(2000...2100).contains(year) { check.fail("year", "Het jaar \(year) ligt buiten 2000–2100.") }
        if let opgave, !opgaven.contains(opgave) { check.fail("opgave", "Opgave \(opgave) hoort niet bij dit programma.") }
        let kind = check.choice(kind, "kind", label: "Het soort budget", as: BudgetKind.self)
        let taakveld = check.text(taakveld, "taakveld", label: "Het taakveld", limit: 10)
        if let taakveld, !Self.isTaakveld(taakveld) { check.fail("taakveld", "Het taakveld '\(taakveld)' is geen Iv3-taakveld (zoals 6.1).") }
        let budget = check.amount(budget, "budget", label: "Het budget", notation: notation)
        let committed = check.amount(committed, "committed", label: "Het verplichte bedrag", notation: notation, required: false)
        let spent = check.amount(spent, "spent", label: "De besteding", notation: notation, required: false)
        let forecast = check.amount(forecast, "forecast", label: "De prognose", notation: notation, required: false)
        try check.finish()
        return FinanceLine(year: year!, opgave: opgave, kind: kind!, taakveld: taakveld!, budget: budget!, committed: committed ?? .zero,
                           spent: spent ?? .zero, forecast: forecast)
    }
}
