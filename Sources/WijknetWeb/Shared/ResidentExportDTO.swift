import Foundation
import Vapor
import WijknetCore
import WijknetStore

/// The machine-readable export for a resident's right of access: their own data in full,
/// including the BSN, every case file, the ZRM assessments, and the audit entries that name them.
struct ResidentExportDTO: Content {
    struct Details: Content {
        let id: UUID
        let householdId: UUID
        let givenName: String
        let familyName: String
        let birthDate: String
        let bsn: String
        let street: String
        let houseNumber: String
        let postcode: String
        let city: String
        let districtId: UUID
    }

    let exportedAt: Date
    let resident: Details
    let cases: [CaseFileDTO]
    let zrmAssessments: [ZRMAssessmentDTO]
    let accessLog: [AuditEntryDTO]

    init(_ export: ResidentExport, vault: BSNVault, for actor: WijknetCore.Actor) throws {
        let r = export.resident
        exportedAt = Date()
        resident = Details(id: try r.requireID(), householdId: r.$household.id, givenName: r.givenName, familyName: r.familyName,
                           birthDate: r.birthDate, bsn: export.bsn.digits, street: r.street, houseNumber: r.houseNumber,
                           postcode: r.postcode, city: r.city, districtId: r.$district.id)
        cases = try export.cases.map { try CaseFileDTO($0, vault: vault, for: actor) }
        zrmAssessments = try export.zrmAssessments.map { try ZRMAssessmentDTO($0, scores: $0.scores) }
        accessLog = export.accessLog.map(AuditEntryDTO.init)
    }
}
