import Foundation

/// A Dutch address as a resident gives it; the postcode is kept as `6811AB`.
public struct Address: Sendable, Equatable {
    public let street: String
    public let houseNumber: String
    public let postcode: String
    public let city: String

    static func check(street: String?, houseNumber: String?, postcode: String?, city: String?, into check: inout Checker) -> Address? {
        let street = check.text(street, "street", label: "Straat")
        let houseNumber = check.text(houseNumber, "houseNumber", label: "Huisnummer", limit: 20)
        var postcode = check.text(postcode, "postcode", label: "Postcode", limit: 10)
        if let p = postcode {
            let normalised = p.uppercased().filter { $0 != " " }
            if normalised.count == 6, normalised.prefix(4).allSatisfy(\.isASCIIDigit),
               normalised.suffix(2).allSatisfy({ $0.isASCII && $0.isLetter }), normalised.first != "0" {
                postcode = normalised
            } else {
                check.fail("postcode", "Postcode is ongeldig (bijvoorbeeld 6811 AB).")
                postcode = nil
            }
        }
        let city = check.text(city, "city", label: "Woonplaats")
        guard let street, let houseNumber, let postcode, let city else { return nil }
        return Address(street: street, houseNumber: houseNumber, postcode: postcode, city: city)
    }
}

/// A resident who moved to a wijk in another area: their new address. The record follows them
/// (`ResidentService.transfer`).
public struct ResidentMoveInput: Codable, Sendable {
    public var districtId: String?
    public var street: String?
    public var houseNumber: String?
    public var postcode: String?
    public var city: String?

    public init(districtId: String? = nil, street: String? = nil, houseNumber: String? = nil, postcode: String? = nil, city: String? = nil) {
        self.districtId = districtId
        self.street = street
        self.houseNumber = houseNumber
        self.postcode = postcode
        self.city = city
    }

    public func validate() throws(ValidationFailure) -> ValidMove {
        var check = Checker()
        let district = check.id(districtId, "districtId", label: "Nieuwe wijk")
        let address = Address.check(street: street, houseNumber: houseNumber, postcode: postcode, city: city, into: &check)
        try check.finish()
        return ValidMove(districtID: district!, address: address!)
    }
}

public struct ValidMove: Sendable {
    public let districtID: UUID
    public let address: Address
}
