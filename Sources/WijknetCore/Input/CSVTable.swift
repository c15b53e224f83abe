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

    /// Reads the file and checks every record with `check`, which adds the record's problems and
    /// returns its row. Rows come back only when no record has a problem, so a file is imported
    /// whole or not at all; otherwise every problem of every record.
    public static func check<Row>(_ text: String, columns: [String], maximumRows: Int,
                                  _ check: (CSVTable, CSVReader.Record, inout [FileProblem]) -> Row?) -> (rows: [Row], problems: [FileProblem]) {
        let table: CSVTable
        switch read(text, columns: columns, maximumRows: maximumRows) {
        case .success(let read): table = read
        case .failure(let problem): return ([], [problem])
        }
        var rows: [Row] = []
        var problems: [FileProblem] = []
        for record in table.records {
            var recordProblems: [FileProblem] = []
            let row = check(table, record, &recordProblems)
            if recordProblems.isEmpty, let row { rows.append(row) } else { problems += recordProblems }
        }
        return problems.isEmpty ? (rows, []) : ([], problems)
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
