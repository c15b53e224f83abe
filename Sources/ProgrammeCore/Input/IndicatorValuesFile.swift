import WijknetCore

/// The CSV file of indicator values from an external monitor (docs/import.md): columns
/// `indicator` (its name as in the register), `periode` (a quarter or year), `waarde` and `bron`.
/// Semicolons between the fields and a decimal comma (`12,5`), as Dutch spreadsheets write it, or
/// commas between the fields and a decimal point; the whole file is checked before anything is stored.
public enum IndicatorValuesFile {
    public static let columns = ["indicator", "periode", "waarde", "bron"]
    public static let maximumRows = 100_000

    public struct Row: Sendable, Equatable {
        public let indicator: String
        public let period: ReportingPeriod
        public let value: Measure
        public let source: String
    }

    /// The rows, or every problem. `indicators` are the register's names, lower-cased, of the
    /// indicators that take values from outside (a Wijknet figure is computed, never imported);
    /// `periods` is the programme's span: a value outside it belongs to no letter.
    public static func check(_ text: String, indicators: Set<String>, within periods: ReportingPeriod) -> (rows: [Row], problems: [FileProblem]) {
        var seen: [String: Int] = [:]
        let notation: Money.Notation = CSVReader.separator(text) == ";" ? .dutch : .point
        return CSVTable.check(text, columns: columns, maximumRows: maximumRows) { table, record, problems in
            let name = table.value(record, "indicator")
            let periodText = table.value(record, "periode")
            let valueText = table.value(record, "waarde")
            let source = table.value(record, "bron")
            if !indicators.contains(name.lowercased()) {
                problems.append(FileProblem(line: record.line, column: "indicator",
                                            message: name.isEmpty ? "De indicator ontbreekt." : "Geen indicator ‘\(name.prefix(80))’ die waarden van buiten krijgt."))
            }
            let period = ReportingPeriod(periodText)
            if period == nil || !(period!.isQuarter || period!.isYear) {
                problems.append(FileProblem(line: record.line, column: "periode", message: "‘\(periodText.prefix(20))’ is geen kwartaal (2026Q1) of jaar (2026)."))
            } else if period!.first < periods.first || period!.last > periods.last {
                problems.append(FileProblem(line: record.line, column: "periode", message: "\(period!.dutch) valt buiten de looptijd van het programma (\(periods.dutch))."))
            }
            let value = Measure(valueText, notation)
            if value == nil {
                let example = notation == .dutch ? "12,5 in een bestand met puntkomma's" : "12.5 in een bestand met komma's"
                problems.append(FileProblem(line: record.line, column: "waarde",
                                            message: "‘\(valueText.prefix(20))’ is geen getal: schrijf \(example), zonder scheidingsteken voor duizendtallen."))
            }
            if source.isEmpty || source.count > Limits.shortText || TextRules.hasHiddenCharacters(source) {
                problems.append(FileProblem(line: record.line, column: "bron", message: "De bron is verplicht (de monitor en zijn editie), ten hoogste \(Limits.shortText) tekens."))
            }
            if let period {
                let key = "\(name.lowercased())|\(period)"
                if let first = seen[key] {
                    problems.append(FileProblem(line: record.line, column: "periode", message: "Deze indicator heeft voor \(period.dutch) al een waarde op regel \(first)."))
                } else {
                    seen[key] = record.line
                }
            }
            guard problems.isEmpty, let period, let value else { return nil }
            return Row(indicator: name, period: period, value: value, source: source)
        }
    }
}
