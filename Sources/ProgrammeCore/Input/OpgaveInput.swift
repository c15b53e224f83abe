import WijknetCore

/// An opgave of the programme, checked: what the register stores.
public struct OpgaveDraft: Sendable, Equatable {
    public let number: Int
    public let name: String
    public let goal: String
    public let portfolioHolder: String?
    public let official: String?
}

/// An opgave as a form or the API sends it.
public struct OpgaveInput: Codable, Sendable {
    public var number: Int?
    public var name: String?
    public var goal: String?
    /// The responsible wethouder.
    public var portfolioHolder: String?
    /// The responsible official (ambtelijk opdrachtgever).
    public var official: String?

    public init(number: Int? = nil, name: String? = nil, goal: String? = nil, portfolioHolder: String? = nil, official: String? = nil) {
        self.number = number
        self.name = name
        self.goal = goal
        self.portfolioHolder = portfolioHolder
        self.official = official
    }

    /// `taken`: the numbers other opgaven of the programme already have.
    public func validated(taken: Set<Int>) throws(ValidationFailure) -> OpgaveDraft {
        var check = Checker()
        if let number {
            if !(1...99).contains(number) { check.fail("number", "Het nummer van een opgave ligt tussen 1 en 99.") }
            if taken.contains(number) { check.fail("number", "Opgave \(number) bestaat al in dit programma.") }
        } else {
            check.fail("number", "Het nummer van de opgave is verplicht.")
        }
        let name = check.text(name, "name", label: "De naam van de opgave")
        let goal = check.text(goal, "goal", label: "Het doel", limit: Limits.note)
        let holder = check.optionalText(portfolioHolder, "portfolioHolder", label: "De verantwoordelijke wethouder")
        let official = check.optionalText(official, "official", label: "De ambtelijk verantwoordelijke")
        try check.finish()
        return OpgaveDraft(number: number!, name: name!, goal: goal!, portfolioHolder: holder, official: official)
    }
}
