import WijknetCore

/// A motion or promise as a form or the API sends it.
public struct CommitmentInput: Codable, Sendable {
    public var kind: String?
    public var number: String?
    public var title: String?
    public var adopted: String?
    public var due: String?
    public var status: String?

    /// `taken`: the numbers already in the register (another motion may not reuse one).
    public func validated(taken: Set<String>) throws(ValidationFailure) -> CouncilCommitment {
        var check = Checker()
        let kind = check.choice(kind, "kind", label: "Het soort", as: CommitmentKind.self)
        let number = check.text(number?.uppercased(), "number", label: "Het nummer", limit: 40)
        if let number, kind == .motion, !CouncilCommitment.isMotionNumber(number) {
            check.fail("number", "Een motienummer is geschreven als 25M156: twee cijfers van het jaar, M, drie cijfers.")
        }
        if let number, taken.contains(number) { check.fail("number", "Nummer \(number) staat al in het register.") }
        let title = check.text(title, "title", label: "De titel", limit: Limits.shortText)
        let adopted = check.date(adopted, "adopted", label: "De datum van aanname")
        let due = check.optionalDate(due, "due", label: "De datum waarop het af moet zijn")
        if let adopted, let due, due < adopted { check.fail("due", "De datum waarop het af moet zijn ligt vóór de aanname.") }
        let status = check.choice(status.map { $0.isEmpty ? "open" : $0 } ?? "open", "status", label: "De stand", as: CommitmentStatus.self)
        try check.finish()
        return CouncilCommitment(kind: kind!, number: number!, title: title!, adopted: adopted!, due: due, status: status!)
    }
}
