import WijknetCore

/// An import of a file from the system before Wijknet: the whole file is checked first and
/// refused with every problem, or written in one transaction; what was imported before is
/// skipped. The page, the API and the command run every import the same way.
public protocol FileImport: Sendable {
    associatedtype File: Sendable
    associatedtype Checked: ImportCounts

    func check(_ file: File) async throws -> ImportCheck<Checked>
    func apply(_ checked: Checked) async throws
}

/// A checked file: refused with its problems, or ready to write.
public enum ImportCheck<Checked: Sendable>: Sendable {
    case refused([FileProblem])
    case ready(Checked)
}

/// How many rows a checked file has, and how many of them are new.
public protocol ImportCounts: Sendable {
    var total: Int { get }
    var new: Int { get }
}

extension ImportCounts {
    public var alreadyThere: Int { total - new }
}
