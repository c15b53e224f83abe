/// What an analyst asks for when deriving zelfredzaamheidprofielen: the period of the assessments
/// and a number of profiles, or none to have one proposed.
public struct ProfileDerivationInput: Codable, Sendable {
    public var first: String?
    public var last: String?
    /// `2`–`12`, or empty to propose k by the silhouette score.
    public var k: String?

    public init(first: String? = nil, last: String? = nil, k: String? = nil) {
        self.first = first
        self.last = last
        self.k = k
    }

    public static let kRange = 2...12

    public struct Valid: Sendable, Equatable {
        public let period: ReportingPeriod
        public let k: Int?
    }

    public func validate() throws(ValidationFailure) -> Valid {
        var check = Checker()
        let first = check.date(first, "first", label: "Begindatum")
        let last = check.date(last, "last", label: "Einddatum")
        var k: Int?
        if let text = self.k?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            k = Int(text)
            if k.map({ !Self.kRange.contains($0) }) ?? true {
                check.fail("k", "Het aantal profielen moet een getal van \(Self.kRange.lowerBound) tot en met \(Self.kRange.upperBound) zijn.")
            }
        }
        var period: ReportingPeriod?
        if let first, let last {
            period = ReportingPeriod(first: first, last: last)
            if period == nil { check.fail("last", "De einddatum ligt voor de begindatum.") }
        }
        try check.finish()
        return Valid(period: period!, k: k)
    }
}

/// A new name for a profile, as an analyst edits it.
public struct ProfileNameInput: Codable, Sendable {
    public var name: String?

    public init(name: String? = nil) { self.name = name }

    public func validate() throws(ValidationFailure) -> String {
        var check = Checker()
        let name = check.text(name, "name", label: "Naam")
        try check.finish()
        return name!
    }
}
