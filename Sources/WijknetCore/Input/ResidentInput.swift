import Foundation

/// A resident (inwoner) as entered in a form or sent to the API, before validation.
public struct ResidentInput: Codable, Sendable {
    public var givenName: String?
    public var familyName: String?
    public var birthDate: String?
    public var bsn: String?
    public var street: String?
    public var houseNumber: String?
    public var postcode: String?
    public var city: String?
    public var districtId: String?
    /// An existing household to join; without it the resident starts a household of their own.
    public var householdId: String?

    public init(givenName: String? = nil, familyName: String? = nil, birthDate: String? = nil, bsn: String? = nil,
                street: String? = nil, houseNumber: String? = nil, postcode: String? = nil, city: String? = nil,
                districtId: String? = nil, householdId: String? = nil) {
        self.givenName = givenName
        self.familyName = familyName
        self.birthDate = birthDate
        self.bsn = bsn
        self.street = street
        self.houseNumber = houseNumber
        self.postcode = postcode
        self.city = city
        self.districtId = districtId
        self.householdId = householdId
    }

    public func validate(today: CalendarDate) throws(ValidationFailure) -> ValidResident {
        var check = Checker()
        let givenName = check.text(givenName, "givenName", label: "Voornaam")
        let familyName = check.text(familyName, "familyName", label: "Achternaam")
        var birth = check.date(birthDate, "birthDate", label: "Geboortedatum")
        if let b = birth, b > today {
            check.fail("birthDate", "Geboortedatum ligt in de toekomst.")
            birth = nil
        }
        var validBSN: BSN?
        if let bsn, !bsn.isEmpty {
            validBSN = BSN(bsn)
            if validBSN == nil { check.fail("bsn", "BSN is ongeldig: het moet uit 9 cijfers bestaan en de elfproef doorstaan.") }
        } else {
            check.fail("bsn", "BSN is verplicht.")
        }
        let address = Address.check(street: street, houseNumber: houseNumber, postcode: postcode, city: city, into: &check)
        let district = check.id(districtId, "districtId", label: "Wijk")
        let household = check.optionalID(householdId, "householdId", label: "Huishouden")
        try check.finish()
        return ValidResident(givenName: givenName!, familyName: familyName!, birthDate: birth!, bsn: validBSN!,
                             street: address!.street, houseNumber: address!.houseNumber, postcode: address!.postcode, city: address!.city,
                             districtID: district!, householdID: household)
    }
}

/// A resident that passed validation; references (wijk, household) are checked by the store.
public struct ValidResident: Sendable {
    public let givenName: String
    public let familyName: String
    public let birthDate: CalendarDate
    public let bsn: BSN
    public let street: String
    public let houseNumber: String
    public let postcode: String
    public let city: String
    public let districtID: UUID
    public let householdID: UUID?
}
