import Foundation

/// A CSV file whose first line names its columns, as the imports read it: column order free,
/// names fixed (case-insensitive), every named column required.
public struct CSVTable: Sendable {
    /// The records after the header line.
    public let records: [CSVReader.Record]
    public let headerLine: Int
    private let index: [String: Int]

    /// The table, or the one problem that stops reading it: empty, a column missing, too many rows,
    /// or nothing but a header.
    public static func read(_ text: String, columns: [String], maximumRows: Int) -> Result<CSVTable, FileProblem> {
        let all = CSVReader.records(text)
        guard let header = all.first else { return .failure(FileProblem(line: 1, column: "", message: "Het bestand is leeg.")) }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let missing = columns.filter { !names.contains($0) }
        guard missing.isEmpty else {
            return .failure(FileProblem(line: header.line, column: missing.joined(separator: ", "),
                                        message: "Deze kolommen ontbreken in de kopregel: \(missing.joined(separator: ", "))."))
        }
        guard all.count - 1 <= maximumRows else {
            return .failure(FileProblem(line: header.line, column: "", message: "Het bestand heeft meer dan \(maximumRows.formattedDutch) regels; splits het op."))
        }
        guard all.count > 1 else { return .failure(FileProblem(line: header.line, column: "", message: "Het bestand heeft alleen een kopregel.")) }
        return .success(CSVTable(records: Array(all.dropFirst()), headerLine: header.line,
                                 index: Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })))
    }

    /// The trimmed value of a named column in a record; empty when the record is short.
    public func value(_ record: CSVReader.Record, _ column: String) -> String {
        guard let i = index[column], i < record.fields.count else { return "" }
        return record.fields[i].trimmingCharacters(in: .whitespaces)
    }

    /// `2025-03-01` or the Dutch `1-3-2025`.
    public static func date(_ text: String) -> CalendarDate? {
        if let iso = CalendarDate(text) { return iso }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.split(separator: "-").last?.count == 4 else { return nil }
        return CalendarDate(year: parts[2], month: parts[1], day: parts[0])
    }
}
