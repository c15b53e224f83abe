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
    /// The BSN's keyed hash, for finding a resident by BSN.
    @Field(key: "bsn_lookup") public var bsnLookup: String
    @Field(key: "street") public var street: String
    @Field(key: "house_number") public var houseNumber: String
    @Field(key: "postcode") public var postcode: String
    @Field(key: "city") public var city: String
    @Parent(key: "district_id") public var district: District
    /// The day the retention period ended and the personal data were removed; nil before.
    @OptionalField(key: "anonymised_on") public var anonymisedOn: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = nil, householdID: UUID, valid: ValidResident, vault: BSNVault) throws {
        self.id = id
        self.$household.id = householdID
        try apply(valid, vault: vault)
    }

    /// Takes over the validated details; the household is not among them.
    func apply(_ valid: ValidResident, vault: BSNVault) throws {
        givenName = valid.givenName
        familyName = valid.familyName
        birthDate = valid.birthDate.description
        bsnSealed = try vault.seal(valid.bsn)
        bsnLookup = vault.lookup(valid.bsn)
        street = valid.street
        houseNumber = valid.houseNumber
        postcode = valid.postcode
        city = valid.city
        $district.id = valid.districtID
    }

    public var fullName: String { isAnonymised ? "Geanonimiseerde inwoner" : "\(givenName) \(familyName)" }

    public var isAnonymised: Bool { anonymisedOn != nil }
}
