import Foundation

/// A support request (ondersteuningsvraag) recorded after the keukentafelgesprek, before validation.
public struct RequestInput: Codable, Sendable {
    public var residentId: String?
    public var intakeDate: String?
    public var summary: String?
    public var law: String?
    public var lifeDomains: [String]?
    public var urgency: String?
    /// Whether the resident agreed to their request being discussed by name in the network meeting.
    public var consentForMeeting: Bool?

    public init(residentId: String? = nil, intakeDate: String? = nil, summary: String? = nil, law: String? = nil,
                lifeDomains: [String]? = nil, urgency: String? = nil, consentForMeeting: Bool? = nil) {
        self.residentId = residentId
        self.intakeDate = intakeDate
        self.summary = summary
        self.law = law
        self.lifeDomains = lifeDomains
        self.urgency = urgency
        self.consentForMeeting = consentForMeeting
    }

    public func validate(today: CalendarDate) throws(ValidationFailure) -> ValidRequest {
        var check = Checker()
        let resident = check.id(residentId, "residentId", label: "Inwoner")
        var intake = check.date(intakeDate, "intakeDate", label: "Datum keukentafelgesprek")
        if let i = intake, i > today {
            check.fail("intakeDate", "De datum van het keukentafelgesprek ligt in de toekomst.")
            intake = nil
        }
        let summary = check.text(summary, "summary", label: "‘Wat speelt er?’", limit: Limits.summary)
        let law = check.choice(law, "law", label: "Wet", as: LawScope.self)
        let domains = check.lifeDomains(lifeDomains)
        let urgency = check.choice(urgency, "urgency", label: "Urgentie", as: Urgency.self)
        try check.finish()
        return ValidRequest(residentID: resident!, intakeDate: intake!, summary: summary!, law: law!,
                            lifeDomains: domains, urgency: urgency!, consentForMeeting: consentForMeeting ?? false)
    }
}

public struct ValidRequest: Sendable {
    public let residentID: UUID
    public let intakeDate: CalendarDate
    public let summary: String
    public let law: LawScope
    public let lifeDomains: [LifeDomain]
    public let urgency: Urgency
    public let consentForMeeting: Bool
}

/// A change to a request's description by someone who read it at `version`.
public struct RequestUpdateInput: Codable, Sendable {
    public var version: Int?
    public var summary: String?
    public var urgency: String?
    public var lifeDomains: [String]?
    public var consentForMeeting: Bool?

    public init(version: Int? = nil, summary: String? = nil, urgency: String? = nil, lifeDomains: [String]? = nil, consentForMeeting: Bool? = nil) {
        self.version = version
        self.summary = summary
        self.urgency = urgency
        self.lifeDomains = lifeDomains
        self.consentForMeeting = consentForMeeting
    }

    public func validate() throws(ValidationFailure) -> ValidRequestUpdate {
        var check = Checker()
        if version == nil { check.fail("version", "Versie is verplicht: zo merken we als iemand anders het verzoek intussen wijzigde.") }
        let summary = check.text(summary, "summary", label: "‘Wat speelt er?’", limit: Limits.summary)
        let urgency = check.choice(urgency, "urgency", label: "Urgentie", as: Urgency.self)
        let domains = check.lifeDomains(lifeDomains)
        try check.finish()
        return ValidRequestUpdate(version: version!, summary: summary!, urgency: urgency!, lifeDomains: domains,
                                  consentForMeeting: consentForMeeting ?? false)
    }
}

public struct ValidRequestUpdate: Sendable {
    public let version: Int
    public let summary: String
    public let urgency: Urgency
    public let lifeDomains: [LifeDomain]
    public let consentForMeeting: Bool
}
