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
            guard let district = try await District.find(valid.districtID, on: db) else {
                throw StoreError.invalid(ValidationFailure("districtId", "Deze wijk is onbekend."))
            }
            guard district.$area.id == actor.areaID else {
                throw StoreError.invalid(ValidationFailure("districtId", "Deze wijk hoort niet bij het gebied van je team."))
            }
            if try await Resident.query(on: db).filter(\.$bsnLookup == vault.lookup(valid.bsn)).first() != nil {
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
            let resident = try Resident(householdID: householdID, valid: valid, vault: vault)
            try await resident.create(on: db)
            try await audit.record(.create, "resident", resident.id, residents: [try resident.requireID()], purpose: "Inwoner geregistreerd", on: db)
            return resident
        }
    }

    /// A resident the actor may see: a coach sees the residents who live in their area.
    public func find(_ id: UUID) async throws -> Resident {
        guard let resident = try await Resident.query(on: db).filter(\.$id == id).with(\.$district).first(),
              actor.role == .coach, resident.district.$area.id == actor.areaID else {
            throw StoreError.notFound(what: "inwoner")
        }
        try await audit.recordRead(.read, "resident", id, residents: [id], purpose: "Gegevens inwoner ingezien", on: db)
        return resident
    }

    /// Residents of the coach's area whose name contains `text`, or whose BSN is `text` exactly.
    public func search(_ text: String, limit: Int = 20) async throws -> [Resident] {
        guard actor.role == .coach, let area = actor.areaID else { throw StoreError.forbidden }
        let districts = try await District.query(on: db).filter(\.$area.$id == area).all().compactMap(\.id)
        let query = Resident.query(on: db).filter(\.$district.$id ~~ districts).with(\.$district)
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let bsn = BSN(trimmed) {
            query.filter(\.$bsnLookup == vault.lookup(bsn))
        } else if !trimmed.isEmpty {
            query.group(.or) { group in
                group.filter(SearchPattern.lowerLike(column: "given_name", table: Resident.schema, trimmed))
                group.filter(SearchPattern.lowerLike(column: "family_name", table: Resident.schema, trimmed))
            }
        }
        let found = try await query.sort(\.$familyName).sort(\.$givenName).limit(limit).all()
        try await audit.recordRead(.search, "residents", nil, residents: found.compactMap(\.id), purpose: "Inwoner gezocht", on: db)
        return found
    }
}
