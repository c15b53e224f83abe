import Foundation

/// A partner organisation or provider, as an administrator enters it.
public struct OrganisationInput: Codable, Sendable {
    public var name: String?
    public var kind: String?
    /// Expertise tags, e.g. `verslaving`, `autisme`, `cultuursensitief`.
    public var expertise: [String]?

    public init(name: String? = nil, kind: String? = nil, expertise: [String]? = nil) {
        self.name = name
        self.kind = kind
        self.expertise = expertise
    }

    public func validate() throws(ValidationFailure) -> ValidOrganisation {
        var check = Checker()
        let name = check.text(name, "name", label: "Naam")
        let kind = check.choice(kind, "kind", label: "Soort organisatie", as: OrganisationKind.self)
        var tags: [String] = []
        for (i, raw) in (expertise ?? []).enumerated() {
            if let tag = check.text(raw, "expertise[\(i)]", label: "Expertise", limit: 60) {
                let lower = tag.lowercased()
                if !tags.contains(lower) { tags.append(lower) }
            }
        }
        try check.finish()
        return ValidOrganisation(name: name!, kind: kind!, expertise: tags)
    }
}

public struct ValidOrganisation: Sendable {
    public let name: String
    public let kind: OrganisationKind
    public let expertise: [String]
}

/// An organisation joining a network for a period, with the capacity it commits.
public struct MembershipInput: Codable, Sendable {
    public var organisationId: String?
    public var ring: String?
    public var startDate: String?
    public var endDate: String?
    public var capacityHoursPerWeek: Double?

    public init(organisationId: String? = nil, ring: String? = nil, startDate: String? = nil, endDate: String? = nil,
                capacityHoursPerWeek: Double? = nil) {
        self.organisationId = organisationId
        self.ring = ring
        self.startDate = startDate
        self.endDate = endDate
        self.capacityHoursPerWeek = capacityHoursPerWeek
    }

    public func validate() throws(ValidationFailure) -> ValidMembership {
        var check = Checker()
        let organisation = check.id(organisationId, "organisationId", label: "Organisatie")
        let ring = check.choice(ring ?? NetworkRing.core.rawValue, "ring", label: "Ring", as: NetworkRing.self)
        let start = check.date(startDate, "startDate", label: "Startdatum")
        let end = check.optionalDate(endDate, "endDate", label: "Einddatum")
        if let s = start, let e = end, e < s { check.fail("endDate", "De einddatum ligt vóór de startdatum.") }
        var capacity: Double?
        if let c = capacityHoursPerWeek {
            if !c.isFinite || c < 0 || c > 10_000 {
                check.fail("capacityHoursPerWeek", "De capaciteit moet tussen 0 en 10.000 uur per week liggen.")
            } else {
                capacity = c
            }
        }
        try check.finish()
        return ValidMembership(organisationID: organisation!, ring: ring!, start: start!, end: end, capacityHoursPerWeek: capacity)
    }
}

public struct ValidMembership: Sendable {
    public let organisationID: UUID
    public let ring: NetworkRing
    public let start: CalendarDate
    public let end: CalendarDate?
    public let capacityHoursPerWeek: Double?
}

/// Ending a membership: the period stays, only its end date is set.
public struct MembershipEndInput: Codable, Sendable {
    public var endDate: String?

    public init(endDate: String? = nil) { self.endDate = endDate }
}

/// A product on the managed product list, with its iWmo/iJw product category code.
public struct ProductInput: Codable, Sendable {
    public var code: String?
    public var name: String?
    public var law: String?
    public var level: String?
    /// WMO020 (iWmo) or JZ020 (iJw) productcategorie, two digits.
    public var categoryCode: String?

    public init(code: String? = nil, name: String? = nil, law: String? = nil, level: String? = nil, categoryCode: String? = nil) {
        self.code = code
        self.name = name
        self.law = law
        self.level = level
        self.categoryCode = categoryCode
    }

    public func validate() throws(ValidationFailure) -> ValidProduct {
        var check = Checker()
        let code = check.text(code, "code", label: "Productcode", limit: 20)
        let name = check.text(name, "name", label: "Naam")
        let law = check.choice(law, "law", label: "Wet", as: Law.self)
        let level = check.choice(level ?? ProductLevel.other.rawValue, "level", label: "Zwaarte", as: ProductLevel.self)
        let category = check.text(categoryCode, "categoryCode", label: "Productcategorie", limit: 2)
        if let c = category, !(c.count == 2 && c.allSatisfy(\.isASCIIDigit)) {
            check.fail("categoryCode", "De productcategorie bestaat uit twee cijfers (codelijst WMO020 of JZ020).")
        }
        try check.finish()
        return ValidProduct(code: code!, name: name!, law: law!, level: level!, categoryCode: category!)
    }
}

public struct ValidProduct: Sendable {
    public let code: String
    public let name: String
    public let law: Law
    public let level: ProductLevel
    public let categoryCode: String
}

/// A pilot area (gebied) with the CBS wijken it covers.
public struct AreaInput: Codable, Sendable {
    public var name: String?
    public var municipalityId: String?

    public init(name: String? = nil, municipalityId: String? = nil) {
        self.name = name
        self.municipalityId = municipalityId
    }
}

/// A CBS wijk inside an area.
public struct DistrictInput: Codable, Sendable {
    public var code: String?
    public var name: String?
    public var areaId: String?

    public init(code: String? = nil, name: String? = nil, areaId: String? = nil) {
        self.code = code
        self.name = name
        self.areaId = areaId
    }
}

/// A network (wijknetwerk) covering one area, meeting weekly.
public struct NetworkInput: Codable, Sendable {
    public var name: String?
    public var areaId: String?
    /// ISO weekday of the weekly meeting, 1 = Monday.
    public var meetingWeekday: Int?

    public init(name: String? = nil, areaId: String? = nil, meetingWeekday: Int? = nil) {
        self.name = name
        self.areaId = areaId
        self.meetingWeekday = meetingWeekday
    }
}
