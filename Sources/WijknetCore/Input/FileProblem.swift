/// One problem in an imported file: where (line in the file, column) and why, in Dutch.
public struct FileProblem: Error, Sendable, Equatable, Codable {
    public let line: Int
    public let column: String
    public let message: String

    public init(line: Int, column: String, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
}
