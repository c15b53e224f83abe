import WijknetCore

/// An indicator's definition as a form or the API sends it.
public struct IndicatorInput: Codable, Sendable {
    public var name: String?
    public var unit: String?
    public var direction: String?
    /// `figure`, `monitor` or `entered`.
    public var source: String?
    /// With `figure`: `K1`…`K10`.
    public var figure: String?
    /// With `monitor`: the monitor's name (Staat van de Stad).
    public var monitor: String?
    public var baselineValue: String?
    public var baselinePeriod: String?
    public var targetValue: String?
    public var targetDate: String?

    /// `notation`: Dutch from a form, a point from the API.
    public func validated(_ notation: Money.Notation) throws(ValidationFailure) -> IndicatorDefinition {
        var check = Checker()
        let name = check.text(name, "name", label: "De naam van de indicator")
        let unit = check.optionalText(unit, "unit", label: "De eenheid", limit: 40)
        let direction = check.choice(direction, "direction", label: "De goede richting", as: IndicatorDirection.self)
        var source: IndicatorSource?
        switch self.source {
        case "figure":
            if let code = figure, let definition = FigureDefinition(rawValue: code.lowercased()) {
                source = .figure(definition)
            } else {
                check.fail("figure", "Kies het cijfer van Wijknet (K1 tot en met K10).")
            }
        case "monitor":
            source = check.text(monitor, "monitor", label: "De naam van de monitor").map(IndicatorSource.monitor)
        case "entered":
            source = .entered
        default:
            check.fail("source", "Kies de bron: een cijfer van Wijknet (figure), een monitor (monitor) of ingevoerd (entered).")
        }
        let baselineValue = check.measure(self.baselineValue, "baselineValue", label: "De nulmeting", notation: notation, required: false)
        let baselinePeriod = Self.period(self.baselinePeriod, &check)
        if (baselineValue == nil) != (baselinePeriod == nil) && check.errors.allSatisfy({ !$0.field.hasPrefix("baseline") }) {
            check.fail(baselineValue == nil ? "baselineValue" : "baselinePeriod", "Een nulmeting heeft een waarde en een periode.")
        }
        let targetValue = check.measure(self.targetValue, "targetValue", label: "Het doel", notation: notation, required: false)
        let targetDate = check.optionalDate(self.targetDate, "targetDate", label: "De datum van het doel")
        if (targetValue == nil) != (targetDate == nil) && check.errors.allSatisfy({ !$0.field.hasPrefix("target") }) {
            check.fail(targetValue == nil ? "targetValue" : "targetDate", "Een doel heeft een waarde en een datum.")
        }
        if unit == nil && check.errors.allSatisfy({ $0.field != "unit" }) {
            check.fail("unit", targetValue == nil ? "De eenheid is verplicht (%, huishoudens, dagen)." : "Een doel zonder eenheid zegt de raad niets: vul de eenheid in (%, huishoudens, dagen).")
        }
        try check.finish()
        return IndicatorDefinition(name: name!, unit: unit!, direction: direction!, source: source!,
                                   baseline: baselineValue.map { ($0, baselinePeriod!) }, target: targetValue.map { ($0, targetDate!) })
    }

    private static func period(_ text: String?, _ check: inout Checker) -> ReportingPeriod? {
        guard let text, !text.isEmpty else { return nil }
        guard let period = ReportingPeriod(text), period.isQuarter || period.isYear else {
            check.fail("baselinePeriod", "De periode van de nulmeting is geen kwartaal (2025Q4) of jaar (2025).")
            return nil
        }
        return period
    }
}
