import Vapor

/// CSV files as Dutch spreadsheets open them: UTF-8 with a byte-order mark, and a choice of comma
/// or semicolon (Dutch Excel expects `;`). Cells that a spreadsheet would run as a formula are
/// prefixed with `'`, so a label typed by a user cannot become one.
enum CSV {
    static func file(_ rows: [[String]], separator: Character) -> String {
        "\u{FEFF}" + rows.map { $0.map { cell($0, separator) }.joined(separator: String(separator)) }.joined(separator: "\r\n") + "\r\n"
    }

    /// A CSV download named `filename`, with the separator the request asks for
    /// (`separator=semicolon`, else a comma).
    static func download(_ rows: [[String]], filename: String, for req: Request) -> Response {
        let semicolon = (try? req.query.get(String.self, at: "separator")) == "semicolon"
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return Response(status: .ok, headers: headers, body: .init(string: file(rows, separator: semicolon ? ";" : ",")))
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
