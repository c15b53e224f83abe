import WijknetCore

/// A programme, checked.
public struct ProgrammeDraft: Sendable, Equatable {
    public let name: String
    /// From the first day to the last day the programme runs.
    public let span: ReportingPeriod
    public let owner: String?
}

/// A programme as a form or the API sends it.
public struct ProgrammeInput: Codable, Sendable {
    public var name: String?
    public var firstDay: String?
    public var lastDay: String?
    public var owner: String?

    public init(name: String? = nil, firstDay: String? = nil, lastDay: String? = nil, owner: String? = nil) {
        self.name = name
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.owner = owner
    }

    public func validated() throws(ValidationFailure) -> ProgrammeDraft {
        var check = Checker()
        let name = check.text(name, "name", label: "De naam van het programma")
        let first = check.date(firstDay, "firstDay", label: "De eerste dag")
        let last = check.date(lastDay, "lastDay", label: "De laatste dag")
        let owner = check.optionalText(owner, "owner", label: "De eigenaar")
        var span: ReportingPeriod?
        if let first, let last {
            span = ReportingPeriod(first: first, last: last)
            if span == nil { check.fail("lastDay", "De laatste dag ligt vóór de eerste.") }
        }
        try check.finish()
        return ProgrammeDraft(name: name!, span: span!, owner: owner)
    }
}
