import Fluent
import Foundation
import WijknetCore

/// A household (huishouden): the residents who live together.
public final class Household: Model, @unchecked Sendable {
    public static let schema = "households"

    @ID public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil) { self.id = id }
}

/// A resident (inwoner) who asks for support.
public final class Resident: Model, @unchecked Sendable {
    public static let schema = "residents"

    @ID public var id: UUID?
    @Parent(key: "household_id") public var household: Household
    @Field(key: "given_name") public var givenName: String
    @Field(key: "family_name") public var familyName: String
    @Field(key: "birth_date") public var birthDate: String
    /// The BSN, sealed with `BSNVault`.
    @Field(key: "bsn_sealed") public var bsnSealed: String
    /// The area and the BSN's keyed hash (`BSNVault.lookup(_:in:)`), for finding a resident by BSN
    /// within an area; unique.
    @Field(key: "bsn_lookup") public var bsnLookup: String
    @Field(key: "street") public var street: String
    @Field(key: "house_number") public var houseNumber: String
    @Field(key: "postcode") public var postcode: String
    @Field(key: "city") public var city: String
    @Parent(key: "district_id") public var district: District
    /// The day the retention period ended and the personal data were removed; nil before.
    @OptionalField(key: "anonymised_on") public var anonymisedOn: String?
    /// The record of the same person in the area they moved to, which took over this record's
    /// requests and assessments (`ResidentService.transfer`); this one is then anonymised.
    @OptionalField(key: "merged_into_id") public var mergedIntoID: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = nil, householdID: UUID, valid: ValidResident, area: UUID, vault: BSNVault) throws {
        self.id = id
        self.$household.id = householdID
        try apply(valid, area: area, vault: vault)
    }

    /// Takes over the validated details; the household is not among them. `area` is the area of
    /// the wijk in `valid`.
    func apply(_ valid: ValidResident, area: UUID, vault: BSNVault) throws {
        givenName = valid.givenName
        familyName = valid.familyName
        birthDate = valid.birthDate.description
        bsnSealed = try vault.seal(valid.bsn)
        bsnLookup = vault.lookup(valid.bsn, in: area)
        street = valid.street
        houseNumber = valid.houseNumber
        postcode = valid.postcode
        city = valid.city
        $district.id = valid.districtID
    }

    /// `bsn_lookup` for a BSN's keyed hash in an area.
    static func areaLookup(area: UUID, hash: String) -> String { "\(area.uuidString.lowercased())/\(hash)" }

    public var fullName: String { isAnonymised ? "Geanonimiseerde inwoner" : "\(givenName) \(familyName)" }

    public var isAnonymised: Bool { anonymisedOn != nil }
}
