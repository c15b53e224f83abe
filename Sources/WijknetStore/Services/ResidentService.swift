import Fluent
import Foundation
import WijknetCore

/// Registering and finding residents. Only coaches register; they see residents of their own area.
public struct ResidentService: Sendable {
    let db: any Database
    let actor: Actor
    let today: CalendarDate
    let audit: AuditTrail
    let vault: BSNVault

    public init(db: any Database, actor: Actor, vault: BSNVault, today: CalendarDate = .today(), channel: AuditChannel = .command) {
        self.db = db
        self.actor = actor
        self.vault = vault
        self.today = today
        self.audit = AuditTrail(actor: actor, channel: channel)
    }

    public func register(_ input: ResidentInput) async throws -> Resident {
        guard CasePolicy.mayRegister(actor.role) else { throw StoreError.forbidden }
        let valid: ValidResident
        do { valid = try input.validate(today: today) } catch { throw StoreError.invalid(error) }
        return try await db.transaction { db in
            let area = try await checkDistrict(valid.districtID, on: db)
            // Within the area only: a resident known in another area gets this area's own record,
            // and nothing here tells the coach about the other one.
            if try await Resident.query(on: db).filter(\.$bsnLookup == vault.lookup(valid.bsn, in: area)).first() != nil {
                throw StoreError.invalid(ValidationFailure("bsn", "Er is al een inwoner met dit BSN geregistreerd."))
            }
            let householdID: UUID
            if let existing = valid.householdID {
                guard try await Household.find(existing, on: db) != nil else {
                    throw StoreError.invalid(ValidationFailure("householdId", "Dit huishouden is onbekend."))
                }
                householdID = existing
            } else {
                let household = Household()
                try await household.create(on: db)
                householdID = try household.requireID()
            }
            let resident = try Resident(householdID: householdID, valid: valid, area: area, vault: vault)
            try await resident.create(on: db)
            try await audit.record(.create, "resident", resident.id, residents: [try resident.requireID()], purpose: "Inwoner geregistreerd", on: db)
            return resident
        }
    }

    /// A resident the actor may see: a coach sees the residents who live in their area.
    public func find(_ id: UUID) async throws -> Resident {
        let resident = try await load(id, on: db)
        try await audit.recordRead(.read, "resident", id, residents: [id], purpose: "Gegevens inwoner ingezien", on: db)
        return resident
    }

    /// Corrects a resident's details (AVG art. 16): name, birth date, BSN, address and wijk, within
    /// the coach's area. The household stays as it is.
    public func correct(_ id: UUID, _ input: ResidentInput) async throws -> Resident {
        try await db.transaction { db in
            // Access first, then input: someone without access learns nothing from a validation error.
            let resident = try await load(id, on: db)
            let valid = try validating { () throws(ValidationFailure) in try input.validate(today: today) }
            let area = try await checkDistrict(valid.districtID, on: db)
            if try await Resident.query(on: db).filter(\.$bsnLookup == vault.lookup(valid.bsn, in: area)).filter(\.$id != id).first() != nil {
                throw StoreError.invalid(ValidationFailure("bsn", "Er is al een inwoner met dit BSN geregistreerd."))
            }
            try resident.apply(valid, area: area, vault: vault)
            try await resident.save(on: db)
            try await audit.record(.update, "resident", id, residents: [id], purpose: "Gegevens inwoner gecorrigeerd (AVG art. 16)", on: db)
            return resident
        }
    }

    /// Erases a resident's personal data at their request (AVG art. 17), which the law allows only
    /// once the retention period of every request has ended; before that the answer names the date.
    public func erase(_ id: UUID, policy: RetentionPolicy) async throws {
        _ = try await load(id, on: db)
        let retention = RetentionService(db: db, actor: actor, policy: policy, channel: audit.channel)
        guard let from = try await retention.erasableFrom(resident: id) else {
            throw StoreError.notAllowed(message: "Deze gegevens moeten bewaard blijven: er loopt nog een verzoek of een toewijzing zonder einddatum.")
        }
        guard from <= today else {
            throw StoreError.notAllowed(message: "De wet verplicht ons deze gegevens te bewaren tot \(from.dutch). Daarna worden ze vanzelf verwijderd.")
        }
        try await retention.anonymise(id, on: today, purpose: "Gewist op verzoek van de inwoner (AVG art. 17), bewaartermijn verstreken")
    }

    /// The first day on which the resident's data may be erased, for the coach to tell them.
    public func erasableFrom(_ id: UUID, policy: RetentionPolicy) async throws -> CalendarDate? {
        _ = try await load(id, on: db)
        return try await RetentionService(db: db, actor: actor, policy: policy, channel: audit.channel).erasableFrom(resident: id)
    }

    /// Throws "not found" unless the actor may see and change this resident.
    public func requireAccess(_ id: UUID) async throws {
        _ = try await load(id, on: db)
    }

    /// The resident when the actor is a coach of their area and they are not anonymised; else
    /// "not found", so that guessing ids tells nothing.
    func load(_ id: UUID, on db: any Database) async throws -> Resident {
        guard let resident = try await Resident.query(on: db).filter(\.$id == id).filter(\.$anonymisedOn == nil).with(\.$district).first(),
              CasePolicy.handlesResidents(actor, in: resident.district.$area.id) else {
            throw StoreError.notFound(what: "inwoner")
        }
        return resident
    }

    /// The area of the wijk, which must be the coach's.
    private func checkDistrict(_ id: UUID, on db: any Database) async throws -> UUID {
        guard let district = try await District.find(id, on: db) else {
            throw StoreError.invalid(ValidationFailure("districtId", "Deze wijk is onbekend."))
        }
        guard district.$area.id == actor.areaID else {
            throw StoreError.invalid(ValidationFailure("districtId", "Deze wijk hoort niet bij het gebied van je team. Is de inwoner verhuisd? Draag het dossier dan over."))
        }
        return district.$area.id
    }

    /// The wijk most residents of the coach's area with the same four postcode digits live in, or
    /// else on the same street; nil when neither is known. Wijknet has no address register (BAG)
    /// yet, so it learns from earlier registrations. Only a wijk comes back, no one's data, so the
    /// suggestion is not an entry in the audit log.
    public func suggestedDistrict(postcode: String?, street: String?) async throws -> UUID? {
        guard let area = actor.areaID, CasePolicy.handlesResidents(actor, in: area) else { throw StoreError.forbidden }
        let districts = try await District.query(on: db).filter(\.$area.$id == area).all().compactMap(\.id)
        func mostCommon(_ ids: [UUID]) -> UUID? {
            Dictionary(grouping: ids, by: { $0 }).max { ($0.value.count, $1.key.uuidString) < ($1.value.count, $0.key.uuidString) }?.key
        }
        let digits = String((postcode ?? "").filter(\.isNumber).prefix(4))
        if digits.count == 4, let found = mostCommon(try await Resident.query(on: db).filter(\.$district.$id ~~ districts)
            .filter(\.$postcode =~ digits).limit(1_000).all(\.$district.$id)) {
            return found
        }
        guard let street = street?.trimmingCharacters(in: .whitespaces), !street.isEmpty else { return nil }
        return mostCommon(try await Resident.query(on: db).filter(\.$district.$id ~~ districts).filter(\.$street == street).limit(1_000).all(\.$district.$id))
    }

    /// Residents of the coach's area whose name contains `text`, or whose BSN is `text` exactly.
    public func search(_ text: String?, limit: Int = 20) async throws -> [Resident] {
        guard let area = actor.areaID, CasePolicy.handlesResidents(actor, in: area) else { throw StoreError.forbidden }
        guard let text else { throw StoreError.invalid(ValidationFailure("q", "Zoekterm is verplicht.")) }
        let districts = try await District.query(on: db).filter(\.$area.$id == area).all().compactMap(\.id)
        var check = Checker()
        let trimmed = check.optionalText(text, "q", label: "Zoekterm") ?? ""
        try validating { () throws(ValidationFailure) in try check.finish() }
        let query = Resident.query(on: db).filter(\.$district.$id ~~ districts).filter(\.$anonymisedOn == nil).with(\.$district)
        if let bsn = BSN(trimmed) {
            query.filter(\.$bsnLookup == vault.lookup(bsn, in: area))
        } else if !trimmed.isEmpty {
            query.filter(SearchPattern.residents(containing: trimmed, sqlite: try db.sql().dialect.name == "sqlite"))
        }
        let found = try await query.sort(\.$familyName).sort(\.$givenName).limit(limit).all()
        try await audit.recordRead(.search, "residents", nil, residents: found.compactMap(\.id), purpose: "Inwoner gezocht", on: db)
        return found
    }
}
