import Foundation

/// A file of ZRM 2010 assessments (eleven domains) from the system before Wijknet, one per line:
/// the resident's BSN, the date and a level per domain. The levels stay 2010 levels: nothing is
/// converted to 2017 domains. The format is in docs/import.md.
public enum ZRM2010File {
    public static let columns = ["bsn", "datum"] + ZRM2010Domain.allCases.map(\.column)
    /// A team's history fits easily; a region's should be split per area anyway.
    public static let maximumRows = 100_000
    /// Why a domain left empty in the file shows as not assessed.
    public static let notAssessedReason = "Niet gescoord in de oorspronkelijke meting"

    /// One line that passed every check.
    public struct Row: Sendable, Equatable {
        public let line: Int
        public let bsn: BSN
        public let date: CalendarDate
        /// Per domain the level, or nil when the domain was not assessed.
        public let levels: [ZRM2010Domain: Int?]

        public init(line: Int, bsn: BSN, date: CalendarDate, levels: [ZRM2010Domain: Int?]) {
            self.line = line
            self.bsn = bsn
            self.date = date
            self.levels = levels
        }
    }

    /// Checks the whole file; rows come back only when there is no problem at all, so a file is
    /// imported whole or not at all. Problems never repeat a BSN.
    public static func check(_ text: String, today: CalendarDate) -> (rows: [Row], problems: [FileProblem]) {
        var seen: [String: Int] = [:]
        return CSVTable.check(text, columns: columns, maximumRows: maximumRows) { table, record, problems -> Row? in
            func fail(_ column: String, _ message: String) { problems.append(FileProblem(line: record.line, column: column, message: message)) }

            let bsn = BSN(table.value(record, "bsn"))
            if bsn == nil { fail("bsn", "Het BSN ontbreekt of klopt niet (9 cijfers die de elfproef doorstaan).") }
            let date = CSVTable.date(table.value(record, "datum"))
            if date == nil { fail("datum", "De datum is ongeldig of leeg (JJJJ-MM-DD of DD-MM-JJJJ).") }
            else if let date, date > today { fail("datum", "De datum ligt in de toekomst.") }
            if let bsn, let date {
                let key = "\(bsn.digits) \(date)"
                if let earlier = seen[key] { fail("datum", "Een meting van deze inwoner op deze datum staat ook al op regel \(earlier).") }
                else { seen[key] = record.line }
            }
            var levels: [ZRM2010Domain: Int?] = [:]
            for domain in ZRM2010Domain.allCases {
                let raw = table.value(record, domain.column).lowercased()
                if raw.isEmpty || raw == "na" || raw == "-" {
                    levels[domain] = .some(nil)
                } else if let level = Int(raw), ZRMLevel.range.contains(level) {
                    levels[domain] = level
                } else {
                    fail(domain.column, "\(domain.label): gebruik 1 tot en met 5, of laat het vak leeg als het domein niet is gescoord.")
                }
            }
            guard problems.isEmpty, let bsn, let date else { return nil }
            guard levels.values.contains(where: { $0 != nil }) else {
                fail("", "Geen enkel domein is gescoord.")
                return nil
            }
            return Row(line: record.line, bsn: bsn, date: date, levels: levels)
        }
    }
}
