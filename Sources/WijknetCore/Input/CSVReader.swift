/// Reads CSV as spreadsheets write it: fields separated by `;` or `,` (taken from the header
/// line), optionally quoted with `"` (a quote inside doubled), CRLF or LF line ends, and a UTF-8
/// byte-order mark ignored. Each record keeps its line number in the file, for error reports.
public enum CSVReader {
    public struct Record: Sendable, Equatable {
        public let line: Int
        public let fields: [String]
    }

    /// The field separator of a file: whichever of `;` and `,` its header line has more of.
    public static func separator(_ text: String) -> Character {
        let header = text.prefix { $0 != "\n" && $0 != "\r\n" }
        return header.filter { $0 == ";" }.count >= header.filter { $0 == "," }.count ? ";" : ","
    }

    public static func records(_ text: String) -> [Record] {
        var text = Substring(text)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        let separator = separator(String(text))
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var chars = text.makeIterator()
        var pending: Character? = nil
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == separator {
                fields.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                endRecord()
                line += 1
                recordLine = line
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
