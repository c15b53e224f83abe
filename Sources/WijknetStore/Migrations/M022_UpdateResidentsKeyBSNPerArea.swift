import Fluent
import Foundation
import SQLKit

/// A BSN is unique within an area, not across areas (issue 11, point 4): each area keeps its own
/// record of a person, and a record that moves with its resident can be merged into the record of
/// the area they moved to. The unique `bsn_lookup` gets the area in front of the keyed hash (no key
/// is needed for that), which keeps the one unique index both databases already have.
struct UpdateResidentsKeyBSNPerArea: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Resident.schema).field("merged_into_id", .uuid).update()
        let sql = try database.sql()
        let rows = try await sql.raw("""
            SELECT r.id AS id, r.bsn_lookup AS lookup, d.area_id AS area FROM residents r JOIN districts d ON d.id = r.district_id
            WHERE r.anonymised_on IS NULL
            """).all()
        for row in rows {
            let lookup = try row.decode(column: "lookup", as: String.self)
            let keyed = Resident.areaLookup(area: try row.decode(column: "area", as: UUID.self), hash: lookup)
            try await sql.raw("UPDATE residents SET bsn_lookup = \(bind: keyed) WHERE id = \(bind: try row.decode(column: "id", as: UUID.self))").run()
        }
    }

    /// Back to one record per BSN: the first record keeps the plain hash; a second area's record
    /// of the same person keeps its area-keyed one, for which the old schema has no place.
    func revert(on database: Database) async throws {
        let sql = try database.sql()
        let rows = try await sql.raw("SELECT id, bsn_lookup AS lookup FROM residents WHERE anonymised_on IS NULL ORDER BY created_at, id").all()
        let lookups = try rows.map { try $0.decode(column: "lookup", as: String.self) }
        var taken = Set(lookups.filter { !$0.contains("/") })
        for (row, lookup) in zip(rows, lookups) {
            guard let slash = lookup.firstIndex(of: "/") else { continue }
            let plain = String(lookup[lookup.index(after: slash)...])
            guard taken.insert(plain).inserted else { continue }
            try await sql.raw("UPDATE residents SET bsn_lookup = \(bind: plain) WHERE id = \(bind: try row.decode(column: "id", as: UUID.self))").run()
        }
        try await database.schema(Resident.schema).deleteField("merged_into_id").update()
    }
}
