import Fluent
import Foundation
import WijknetCore

/// What an administrator manages: areas, wijken, networks, organisations, memberships, products
/// and the reasons for care outside the network.
/// Never case content.
public struct AdminService: Sendable {
    let db: any Database
    let actor: Actor

    public init(db: any Database, actor: Actor) {
        self.db = db
        self.actor = actor
    }

    private func requireAdmin() throws {
        guard CasePolicy.mayAdminister(actor.role) else { throw StoreError.forbidden }
    }

    public func createOrganisation(_ input: OrganisationInput) async throws -> Organisation {
        try requireAdmin()
        let valid = try validating { () throws(ValidationFailure) in try input.validate() }
        let organisation = Organisation(name: valid.name, kind: valid.kind, expertise: valid.expertise)
        try await organisation.create(on: db)
        return organisation
    }

    public func addMembership(network networkID: UUID, _ input: MembershipInput) async throws -> Membership {
        try requireAdmin()
        let valid = try validating { () throws(ValidationFailure) in try input.validate() }
        return try await db.transaction { db in
            _ = try await Lookup.require(Network.self, networkID, on: db, what: "netwerk")
            guard try await Organisation.find(valid.organisationID, on: db) != nil else {
                throw StoreError.invalid(ValidationFailure("organisationId", "Deze organisatie is onbekend."))
            }
            let period = MembershipPeriod(organisationID: valid.organisationID, networkID: networkID, ring: valid.ring,
                                          start: valid.start, end: valid.end)
            if NetworkPlacement.overlaps(period, existing: try await Lookup.memberships(network: networkID, on: db)) {
                throw StoreError.invalid(ValidationFailure("startDate", "Deze organisatie is in die periode al lid van dit netwerk."))
            }
            let membership = Membership(organisationID: valid.organisationID, networkID: networkID, ring: valid.ring,
                                        start: valid.start, end: valid.end, capacityHoursPerWeek: valid.capacityHoursPerWeek)
            try await membership.create(on: db)
            try await PlacementRederivation.apply(network: networkID, organisation: valid.organisationID, on: db)
            return membership
        }
    }

    /// Ends a membership on `endDate`, also in the past (entered late, as happens). The period
    /// stays on record, so assignments that started before the end keep counting as inside; those
    /// that started after it are derived again and count as outside from now on.
    public func endMembership(_ id: UUID, _ input: MembershipEndInput) async throws -> Membership {
        try requireAdmin()
        var check = Checker()
        let end = check.date(input.endDate, "endDate", label: "Einddatum")
        try validating { () throws(ValidationFailure) in try check.finish() }
        return try await db.transaction { db in
            let membership = try await Lookup.require(Membership.self, id, on: db, what: "lidmaatschap")
            if let current = membership.end, let currentEnd = CalendarDate(current), currentEnd < end! {
                throw StoreError.invalid(ValidationFailure("endDate", "Dit lidmaatschap is al beëindigd per \(currentEnd.dutch)."))
            }
            guard let start = CalendarDate(membership.start), start <= end! else {
                throw StoreError.invalid(ValidationFailure("endDate", "De einddatum ligt vóór de startdatum."))
            }
            membership.end = end!.description
            try await membership.save(on: db)
            try await PlacementRederivation.apply(network: membership.$network.id, organisation: membership.$organisation.id, on: db)
            return membership
        }
    }

    public func createProduct(_ input: ProductInput) async throws -> Product {
        try requireAdmin()
        let valid = try validating { () throws(ValidationFailure) in try input.validate() }
        if try await Product.query(on: db).filter(\.$code == valid.code).first() != nil {
            throw StoreError.invalid(ValidationFailure("code", "Er is al een product met deze code."))
        }
        let product = Product(code: valid.code, name: valid.name, law: valid.law, level: valid.level, categoryCode: valid.categoryCode)
        try await product.create(on: db)
        return product
    }

    /// Adds a reason to the list of reasons why care went outside the network.
    public func createReason(_ input: OutsideReasonInput) async throws -> OutsideReasonOption {
        try requireAdmin()
        let option = try validating { () throws(ValidationFailure) in try input.validate() }
        if try await OutsideReason.query(on: db).filter(\.$code == option.code).first() != nil {
            throw StoreError.invalid(ValidationFailure("code", "Er is al een reden met deze code."))
        }
        try await OutsideReason(option: option).create(on: db)
        return option
    }

    /// Rewords a reason, or retires it (or takes it back into use). It is never deleted: the
    /// decisions and assignments that carry it, and K10, keep naming it.
    public func changeReason(code: String, _ change: OutsideReasonChange) async throws -> OutsideReasonOption {
        try requireAdmin()
        guard let reason = try await OutsideReason.query(on: db).filter(\.$code == code).first() else {
            throw StoreError.notFound(what: "reden")
        }
        let option = try validating { () throws(ValidationFailure) in try change.apply(to: reason.option) }
        reason.label = option.label
        reason.requiresText = option.requiresText
        reason.retired = option.retired
        try await reason.save(on: db)
        return option
    }

    public func createArea(_ input: AreaInput) async throws -> Area {
        try requireAdmin()
        var check = Checker()
        let name = check.text(input.name, "name", label: "Naam")
        let municipality = check.id(input.municipalityId, "municipalityId", label: "Gemeente")
        try validating { () throws(ValidationFailure) in try check.finish() }
        guard try await Municipality.find(municipality!, on: db) != nil else {
            throw StoreError.invalid(ValidationFailure("municipalityId", "Deze gemeente is onbekend."))
        }
        let area = Area(municipalityID: municipality!, name: name!)
        try await area.create(on: db)
        return area
    }

    public func createDistrict(_ input: DistrictInput) async throws -> District {
        try requireAdmin()
        var check = Checker()
        let code = check.text(input.code, "code", label: "CBS-wijkcode", limit: 10)
        if let c = code, !(c.count == 8 && c.hasPrefix("WK") && c.dropFirst(2).allSatisfy(\.isNumber)) {
            check.fail("code", "Een CBS-wijkcode ziet eruit als WK020201.")
        }
        let name = check.text(input.name, "name", label: "Naam")
        let area = check.id(input.areaId, "areaId", label: "Gebied")
        try validating { () throws(ValidationFailure) in try check.finish() }
        guard try await Area.find(area!, on: db) != nil else {
            throw StoreError.invalid(ValidationFailure("areaId", "Dit gebied is onbekend."))
        }
        if try await District.query(on: db).filter(\.$code == code!).first() != nil {
            throw StoreError.invalid(ValidationFailure("code", "Deze wijk bestaat al."))
        }
        let district = District(areaID: area!, code: code!, name: name!)
        try await district.create(on: db)
        return district
    }

    public func createNetwork(_ input: NetworkInput) async throws -> Network {
        try requireAdmin()
        var check = Checker()
        let name = check.text(input.name, "name", label: "Naam")
        let area = check.id(input.areaId, "areaId", label: "Gebied")
        let weekday = input.meetingWeekday ?? 2
        if !(1...5).contains(weekday) { check.fail("meetingWeekday", "Het overleg valt op een werkdag (1 = maandag … 5 = vrijdag).") }
        try validating { () throws(ValidationFailure) in try check.finish() }
        guard try await Area.find(area!, on: db) != nil else {
            throw StoreError.invalid(ValidationFailure("areaId", "Dit gebied is onbekend."))
        }
        if try await Network.query(on: db).filter(\.$area.$id == area!).first() != nil {
            throw StoreError.invalid(ValidationFailure("areaId", "Dit gebied heeft al een wijknetwerk."))
        }
        let network = Network(areaID: area!, name: name!, meetingWeekday: weekday)
        try await network.create(on: db)
        return network
    }
}

/// The managed lists and the geography, readable by every signed-in user: forms need them.
public enum Catalogue {
    public static func organisations(on db: any Database, kinds: [OrganisationKind]? = nil) async throws -> [Organisation] {
        let query = Organisation.query(on: db).sort(\.$name)
        if let kinds { query.filter(\.$kind ~~ kinds) }
        return try await query.all()
    }

    public static func products(on db: any Database) async throws -> [Product] {
        try await Product.query(on: db).sort(\.$law).sort(\.$name).all()
    }

    public static func reasons(on db: any Database) async throws -> [OutsideReasonOption] {
        try await Lookup.reasons(on: db)
    }

    public static func areas(on db: any Database) async throws -> [Area] {
        try await Area.query(on: db).sort(\.$name).with(\.$municipality).all()
    }

    public static func districts(on db: any Database, area: UUID? = nil) async throws -> [District] {
        let query = District.query(on: db).sort(\.$name)
        if let area { query.filter(\.$area.$id == area) }
        return try await query.all()
    }

    public static func networks(on db: any Database) async throws -> [Network] {
        try await Network.query(on: db).sort(\.$name).all()
    }

    public static func memberships(on db: any Database, network: UUID) async throws -> [Membership] {
        try await Membership.query(on: db).filter(\.$network.$id == network).with(\.$organisation).sort(\.$start).all()
    }

    /// The municipality with this CBS code (`0202`, `GM0202`); nil when there is none.
    public static func municipality(code: String, on db: any Database) async throws -> Municipality? {
        guard let code = MunicipalityCode.normalised(code) else { return nil }
        return try await Municipality.query(on: db).filter(\.$code == code).first()
    }

    public static func municipalities(on db: any Database) async throws -> [Municipality] {
        try await Municipality.query(on: db).sort(\.$name).all()
    }
}
