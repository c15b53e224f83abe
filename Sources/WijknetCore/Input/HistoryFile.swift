import Foundation

/// A file of assignments (toewijzingen) from the municipality's system before Wijknet, so the
/// figures on assignments (K4–K7) have a baseline. It holds no personal data: the figures do not
/// need the person. The format is in docs/import.md.
public enum HistoryFile {
    /// The columns, in Dutch, as municipal staff export them; order free, names fixed.
    public static let columns = ["bron_id", "wet", "productcode", "aanbieder", "wijkcode", "start", "einde", "uren_per_week", "soort"]
    public static let maximumRows = 2_000_000

    /// One row that passed every check.
    public struct Row: Sendable, Equatable {
        public let line: Int
        /// The assignment's id in the source system: importing it again changes nothing.
        public let sourceID: String
        public let law: Law
        public let productCode: String
        public let provider: String
        public let districtCode: String
        public let start: CalendarDate
        public let end: CalendarDate?
        public let hoursPerWeek: Double
        public let kind: AssignmentKind
    }

    /// What exists in Wijknet, for the references in the file (all look-ups case-insensitive).
    public struct References: Sendable {
        /// Product code (lower case) → the law it belongs to.
        public let productLaws: [String: Law]
        /// Organisation names, lower case.
        public let providers: Set<String>
        /// CBS wijk codes, upper case.
        public let districts: Set<String>

        public init(productLaws: [String: Law], providers: Set<String>, districts: Set<String>) {
            self.productLaws = productLaws
            self.providers = providers
            self.districts = districts
        }
    }

    /// Checks the whole file; rows come back only when there is no problem at all, so a file is
    /// imported whole or not at all.
    public static func check(_ text: String, references: References) -> (rows: [Row], problems: [FileProblem]) {
        var seen: [String: Int] = [:]
        return CSVTable.check(text, columns: columns, maximumRows: maximumRows) { table, record, problems -> Row? in
            func value(_ column: String) -> String { table.value(record, column) }
            func fail(_ column: String, _ message: String) { problems.append(FileProblem(line: record.line, column: column, message: message)) }

            let sourceID = value("bron_id")
            if sourceID.isEmpty { fail("bron_id", "bron_id is verplicht: het nummer van de toewijzing in het bronsysteem.") }
            else if sourceID.count > Limits.shortText { fail("bron_id", "bron_id is te lang (maximaal \(Limits.shortText) tekens).") }
            else if TextRules.hasHiddenCharacters(sourceID) { fail("bron_id", "bron_id bevat een onzichtbaar stuurteken.") }
            else if let earlier = seen[sourceID] { fail("bron_id", "bron_id \(sourceID) staat ook al op regel \(earlier).") }
            else { seen[sourceID] = record.line }

            let law = Law(rawValue: value("wet").lowercased())
            if law == nil { fail("wet", "Wet moet wmo of jeugd zijn.") }
            let productCode = value("productcode")
            if let productLaw = references.productLaws[productCode.lowercased()] {
                if let law, productLaw != law { fail("productcode", "Product \(productCode) hoort bij de \(productLaw.label), niet bij de \(law.label).") }
            } else {
                fail("productcode", productCode.isEmpty ? "Productcode is verplicht." : "Product \(productCode) is onbekend; voeg het eerst toe in Beheer.")
            }
            let provider = value("aanbieder")
            if !references.providers.contains(provider.lowercased()) {
                fail("aanbieder", provider.isEmpty ? "Aanbieder is verplicht." : "Aanbieder ‘\(provider)’ is onbekend; voeg de organisatie eerst toe in Beheer.")
            }
            let districtCode = value("wijkcode").uppercased()
            if !references.districts.contains(districtCode) {
                fail("wijkcode", districtCode.isEmpty ? "Wijkcode is verplicht." : "Wijk \(districtCode) is onbekend (gebruik de CBS-code, bijvoorbeeld WK020201).")
            }
            let start = CSVTable.date(value("start"))
            if start == nil { fail("start", "Startdatum is ongeldig of leeg (JJJJ-MM-DD of DD-MM-JJJJ).") }
            let endText = value("einde")
            let end = endText.isEmpty ? nil : CSVTable.date(endText)
            if !endText.isEmpty && end == nil { fail("einde", "Einddatum is ongeldig (JJJJ-MM-DD of DD-MM-JJJJ), of laat hem leeg.") }
            if let start, let end, end < start { fail("einde", "Einddatum ligt voor de startdatum.") }
            let hours = Double(value("uren_per_week").replacingOccurrences(of: ",", with: "."))
            if hours == nil { fail("uren_per_week", "Uren per week is geen getal.") }
            else if let h = hours, let problem = HoursPerWeek.problem(h) { fail("uren_per_week", problem) }
            let kind = kind(value("soort"))
            if kind == nil { fail("soort", "Soort moet eerste, verlenging of wijziging zijn.") }

            guard let law, let start, let hours, let kind else { return nil }
            return Row(line: record.line, sourceID: sourceID, law: law, productCode: productCode, provider: provider,
                       districtCode: districtCode, start: start, end: end, hoursPerWeek: hours, kind: kind)
        }
    }

    static func kind(_ text: String) -> AssignmentKind? {
        switch text.lowercased() {
        case "eerste", "first": .first
        case "verlenging", "renewal": .renewal
        case "wijziging", "change": .change
        default: nil
        }
    }
}
