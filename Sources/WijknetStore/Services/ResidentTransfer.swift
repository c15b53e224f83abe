import Fluent
import Foundation
import SQLKit
import WijknetCore

/// A resident who moved to another area: their record follows them (issue 11, point 4).
extension ResidentService {
    /// Hands the record over to the area of the new wijk, with the new address, in one transaction.
    ///
    /// The record's ZRM assessments go with it. Requests stay with the area where they were made:
    /// that team keeps them until they are closed and retained, and that area's figures do not
    /// change. When the new area already has a record of this person (they asked there too), this
    /// record is merged into that one: its requests and assessments are linked to it, and this
    /// record is anonymised with a pointer to the other, so the resident's export and audit
    /// overview still find everything. The coach is answered the same either way, so nothing
    /// tells them whether the new area knew the person.
    ///
    /// - Returns: the name of the area that now holds the record.
    public func transfer(_ id: UUID, _ input: ResidentMoveInput) async throws -> String {
        try await db.transaction { db in
            let resident = try await load(id, on: db)
            let valid = try validating { () throws(ValidationFailure) in try input.validate() }
            guard let district = try await District.query(on: db).filter(\.$id == valid.districtID).with(\.$area).first() else {
                throw StoreError.invalid(ValidationFailure("districtId", "Deze wijk is onbekend."))
            }
            let target = district.$area.id
            guard target != resident.district.$area.id else {
                throw StoreError.invalid(ValidationFailure("districtId", "Deze wijk hoort bij je eigen gebied: pas het adres aan met 'Gegevens corrigeren'."))
            }
            let lookup = vault.lookup(try vault.open(resident.bsnSealed), in: target)
            let purpose = "Dossier overgedragen aan \(district.area.name): inwoner verhuisd"
            if let other = try await Resident.query(on: db).filter(\.$bsnLookup == lookup).filter(\.$anonymisedOn == nil).first() {
                let otherID = try other.requireID()
                let sql = try db.sql()
                try await sql.raw("UPDATE support_requests SET resident_id = \(bind: otherID) WHERE resident_id = \(bind: id)").run()
                try await sql.raw("UPDATE zrm_assessments SET resident_id = \(bind: otherID) WHERE resident_id = \(bind: id)").run()
                try await sql.raw("""
                    UPDATE residents SET given_name = '', family_name = '', birth_date = '', bsn_sealed = '',
                        bsn_lookup = \(bind: "samengevoegd:" + id.uuidString), street = '', house_number = '', postcode = '', city = '',
                        anonymised_on = \(bind: today.description), merged_into_id = \(bind: otherID)
                    WHERE id = \(bind: id)
                    """).run()
                try await audit.record(.transfer, "resident", id, residents: [id, otherID], purpose: purpose, on: db)
            } else {
                resident.$district.id = valid.districtID
                resident.street = valid.address.street
                resident.houseNumber = valid.address.houseNumber
                resident.postcode = valid.address.postcode
                resident.city = valid.address.city
                resident.bsnLookup = lookup
                try await resident.save(on: db)
                try await audit.record(.transfer, "resident", id, residents: [id], purpose: purpose, on: db)
            }
            return district.area.name
        }
    }

    /// The records that were merged into any of `ids` (`transfer`), followed to the end.
    static func mergedInto(_ ids: [UUID], on db: any Database) async throws -> [UUID] {
        var found: [UUID] = []
        var frontier = ids
        while !frontier.isEmpty {
            let next = try await Resident.query(on: db).filter(\.$mergedIntoID ~~ frontier).all().compactMap(\.id).filter { !found.contains($0) }
            found += next
            frontier = next
        }
        return found
    }
}
