import WijknetCore

/// An initiative under an opgave, checked.
public struct InitiativeDraft: Sendable, Equatable {
    public let title: String
    public let owner: String?
    public let start: CalendarDate
    public let end: CalendarDate?
    public let status: InitiativeStatus
    public let links: [ProgrammeLink]
}

/// An initiative as a form or the API sends it.
public struct InitiativeInput: Codable, Sendable {
    public var title: String?
    public var owner: String?
    public var start: String?
    public var end: String?
    public var status: String?
    /// Other programmes or letters it is linked to, by title and reference.
    public var links: [ProgrammeLink]?

    public init(title: String? = nil, owner: String? = nil, start: String? = nil, end: String? = nil, status: String? = nil, links: [ProgrammeLink]? = nil) {
        self.title = title
        self.owner = owner
        self.start = start
        self.end = end
        self.status = status
        self.links = links
    }

    /// The most links one initiative keeps: a letter names a handful.
    public static let maximumLinks = 20

    public func validated() throws(ValidationFailure) -> InitiativeDraft {
        var check = Checker()
        let title = check.text(title, "title", label: "De naam van het initiatief")
        let owner = check.optionalText(owner, "owner", label: "De eigenaar")
        let start = check.date(start, "start", label: "De startdatum")
        let end = check.optionalDate(end, "end", label: "De einddatum")
        if let start, let end, end < start { check.fail("end", "De einddatum ligt vóór de start.") }
        let status = check.choice(status.map { $0.isEmpty ? "planned" : $0 } ?? "planned", "status", label: "De stand", as: InitiativeStatus.self)
        var links: [ProgrammeLink] = []
        for (index, link) in (self.links ?? []).enumerated() {
            let title = check.text(link.title, "links[\(index)].title", label: "De titel van de verwijzing")
            let reference = check.optionalText(link.reference, "links[\(index)].reference", label: "Het kenmerk van de verwijzing")
            if let title { links.append(ProgrammeLink(title: title, reference: reference)) }
        }
        if links.count > Self.maximumLinks { check.fail("links", "Een initiatief heeft ten hoogste \(Self.maximumLinks) verwijzingen.") }
        try check.finish()
        return InitiativeDraft(title: title!, owner: owner, start: start!, end: end, status: status!, links: links)
    }
}
