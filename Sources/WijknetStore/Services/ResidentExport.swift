import Fluent
import Foundation
import WijknetCore

/// Everything Wijknet holds about one resident, for their right of access (AVG art. 15): their
/// details, every request with its full story, their ZRM assessments, and every audit entry that
/// names them.
public struct ResidentExport: Sendable {
    public let resident: Resident
    public let bsn: BSN
    public let cases: [CaseFile]
    /// Oldest first, with their scores and assessor; ZRM 2017 and imported ZRM 2010 alike.
    public let zrmAssessments: [ZRMAssessment]
    public let accessLog: [AuditEntry]
}

extension ResidentService {
    /// Only the coach of the resident's area; the export itself is logged.
    public func export(_ id: UUID) async throws -> ResidentExport {
        let resident = try await load(id, on: db)
        try await audit.recordRead(.export, "resident", id, residents: [id], purpose: "Inzage-export voor de inwoner (AVG art. 15)", on: db)
        let requests = RequestService(db: db, actor: actor, channel: audit.channel)
        var cases: [CaseFile] = []
        for request in try await SupportRequest.query(on: db).filter(\.$resident.$id == id).sort(\.$intakeDate).all() {
            cases.append(try await requests.caseFile(request.requireID(), audited: false, for: .exportForResident))
        }
        let assessments = try await ZRMAssessment.query(on: db).filter(\.$resident.$id == id).with(\.$scores).with(\.$assessor)
            .sort(\.$assessedOn).sort(\.$createdAt).all()
        return ResidentExport(resident: resident, bsn: try vault.open(resident.bsnSealed), cases: cases, zrmAssessments: assessments,
                              accessLog: try await AuditLog.entries(naming: [id] + (try await ResidentService.mergedInto([id], on: db)), on: db))
    }
}
