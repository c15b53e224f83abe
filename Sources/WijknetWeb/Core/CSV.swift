/// CSV files as Dutch spreadsheets open them: UTF-8 with a byte-order mark, and a choice of comma
/// or semicolon (Dutch Excel expects `;`). Cells that a spreadsheet would run as a formula are
/// prefixed with `'`, so a label typed by a user cannot become one.
enum CSV {
    static func file(_ rows: [[String]], separator: Character) -> String {
        "\u{FEFF}" + rows.map { $0.map { cell($0, separator) }.joined(separator: String(separator)) }.joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ value: String, _ separator: Character) -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first), Double(text.replacingOccurrences(of: ",", with: ".")) == nil {
            text = "'" + text
        }
        guard text.contains(separator) || text.contains("\"") || text.contains("\n") || text.contains("\r") else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
