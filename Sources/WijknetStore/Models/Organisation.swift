import Fluent
import Foundation
import WijknetCore

/// A partner organisation or care provider (aanbieder), inside or outside the networks.
public final class Organisation: Model, @unchecked Sendable {
    public static let schema = "organisations"

    @ID public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: OrganisationKind
    /// Expertise tags, joined by `|`.
    @Field(key: "expertise") public var expertiseText: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, name: String, kind: OrganisationKind, expertise: [String]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.expertiseText = expertise.joined(separator: "|")
    }

    public var expertise: [String] { expertiseText.split(separator: "|").map(String.init) }
}

/// A period in which an organisation belongs to a network, with the capacity it commits.
/// Ending a membership sets `end`; the row is never deleted, so the past stays as it was.
public final class Membership: Model, @unchecked Sendable {
    public static let schema = "memberships"

    @ID public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Parent(key: "network_id") public var network: Network
    @Field(key: "ring") public var ring: NetworkRing
    @Field(key: "start_date") public var start: String
    @OptionalField(key: "end_date") public var end: String?
    @OptionalField(key: "capacity_hours") public var capacityHoursPerWeek: Double?

    public init() {}

    public init(id: UUID? = nil, organisationID: UUID, networkID: UUID, ring: NetworkRing, start: CalendarDate,
                end: CalendarDate?, capacityHoursPerWeek: Double?) {
        self.id = id
        self.$organisation.id = organisationID
        self.$network.id = networkID
        self.ring = ring
        self.start = start.description
        self.end = end?.description
        self.capacityHoursPerWeek = capacityHoursPerWeek
    }

    public var period: MembershipPeriod {
        MembershipPeriod(organisationID: $organisation.id, networkID: $network.id, ring: ring,
                         start: CalendarDate(start)!, end: end.flatMap(CalendarDate.init))
    }
}

/// A product on the managed product list, with its iWmo (WMO020) or iJw (JZ020) category.
public final class Product: Model, @unchecked Sendable {
    public static let schema = "products"

    @ID public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "law") public var law: Law
    @Field(key: "level") public var level: ProductLevel
    @Field(key: "category_code") public var categoryCode: String

    public init() {}

    public init(id: UUID? = nil, code: String, name: String, law: Law, level: ProductLevel, categoryCode: String) {
        self.id = id
        self.code = code
        self.name = name
        self.law = law
        self.level = level
        self.categoryCode = categoryCode
    }
}

/// An entry of the managed list of reasons why care went outside the network.
public final class OutsideReason: Model, @unchecked Sendable {
    public static let schema = "outside_reasons"

    @ID public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "label") public var label: String
    @Field(key: "requires_text") public var requiresText: Bool
    @Field(key: "retired") public var retired: Bool

    public init() {}

    public init(id: UUID? = nil, option: OutsideReasonOption) {
        self.id = id
        self.code = option.code
        self.label = option.label
        self.requiresText = option.requiresText
        self.retired = option.retired
    }

    public var option: OutsideReasonOption {
        OutsideReasonOption(code: code, label: label, requiresText: requiresText, retired: retired)
    }
}
