import Fluent
import FluentSQL
import Foundation
import SQLKit
import WijknetCore

/// Imports ZRM 2010 assessments (`ZRM2010File`) for residents of the coach's own area: checks the
/// whole file — every BSN must be a resident the coach may see — then adds the new assessments in
/// one transaction, each logged for its resident. An assessment already there (same resident, same
/// date) is left alone, so the same file imported twice adds nothing. The scores stay 2010 scores.
public struct ZRM2010Import: FileImport {
    let residents: ResidentService

    public init(residents: ResidentService) { self.residents = residents }

    private var db: any Database { residents.db }

    /// A file that passed every check, ready to import.
    public struct Checked: ImportCounts {
        let rows: [(row: ZRM2010File.Row, resident: UUID)]
        public let total: Int
        public var new: Int { rows.count }
    }

    public typealias File = String

    public func check(_ text: String) async throws -> ImportCheck<Checked> {
        guard CasePolicy.mayImportZRM(residents.actor.role), let area = residents.actor.areaID else { throw StoreError.forbidden }
        let (rows, problems) = ZRM2010File.check(text, today: residents.today)
        guard problems.isEmpty else { return .refused(problems) }
        // The residents of the coach's area by their BSN's lookup key; anyone else is "not found",
        // worded the same whether they live elsewhere or nowhere.
        let districts = try await District.query(on: db).filter(\.$area.$id == area).all().compactMap(\.id)
        var byLookup: [String: UUID] = [:]
        let lookups = Array(Set(rows.map { residents.vault.lookup($0.bsn, in: area) }))
        for start in stride(from: 0, to: lookups.count, by: 500) {
            let batch = Array(lookups[start..<min(lookups.count, start + 500)])
            for resident in try await Resident.query(on: db).filter(\.$bsnLookup ~~ batch).filter(\.$district.$id ~~ districts)
                .filter(\.$anonymisedOn == nil).all() {
                byLookup[resident.bsnLookup] = try resident.requireID()
            }
        }
        let unknown = rows.filter { byLookup[residents.vault.lookup($0.bsn, in: area)] == nil }
        guard unknown.isEmpty else {
            return .refused(unknown.map {
                FileProblem(line: $0.line, column: "bsn", message: "In je gebied is geen inwoner met dit BSN; registreer de inwoner eerst.")
            })
        }
        let matched = rows.map { (row: $0, resident: byLookup[residents.vault.lookup($0.bsn, in: area)]!) }
        var existing: Set<String> = []
        let ids = Array(Set(matched.map(\.resident)))
        for start in stride(from: 0, to: ids.count, by: 500) {
            for a in try await ZRMAssessment.query(on: db).filter(\.$resident.$id ~~ Array(ids[start..<min(ids.count, start + 500)]))
                .filter(\.$version == ZRMVersion.zrm2010.rawValue).all() {
                existing.insert("\(a.$resident.id) \(a.assessedOn)")
            }
        }
        let new = matched.filter { !existing.contains("\($0.resident) \($0.row.date)") }
        return .ready(Checked(rows: new, total: rows.count))
    }

    /// Adds the checked assessments in one transaction: all of them, or none when anything fails.
    public func apply(_ checked: Checked) async throws {
        let now = Date()
        try await db.transaction { db in
            for (row, resident) in checked.rows {
                let assessment = ZRMAssessment(residentID: resident, version: ZRMVersion.zrm2010.rawValue, assessedOn: row.date,
                                               assessorID: residents.actor.userID, importedAt: now)
                try await assessment.create(on: db)
                let id = try assessment.requireID()
                try await ZRM2010Domain.allCases.map { domain -> ZRMScore in
                    let entry: ZRMEntry = row.levels[domain].flatMap { $0 }.map { .scored(level: $0, note: nil) }
                        ?? .notAssessed(reason: ZRM2010File.notAssessedReason)
                    return ZRMScore(assessmentID: id, domain: domain.rawValue, entry: entry)
                }.create(on: db)
                try await residents.audit.record(.create, "zrmAssessment", id, residents: [resident], purpose: "ZRM 2010 geïmporteerd", on: db)
            }
        }
    }
}
