import Fluent
import Foundation
import WijknetCore

/// Self-sufficiency assessments (ZRM 2017) of a resident: the coach of the resident's area records
/// them and reads their history; both are logged.
public struct ZRMService: Sendable {
    /// Access to a resident's assessments follows access to the resident.
    let residents: ResidentService

    public init(residents: ResidentService) { self.residents = residents }

    private var db: any Database { residents.db }
    private var actor: Actor { residents.actor }
    private var audit: AuditTrail { residents.audit }

    public func record(_ residentID: UUID, _ input: ZRMAssessmentInput) async throws -> ZRMAssessment {
        try await residents.requireAccess(residentID)
        let valid = try validating { () throws(ValidationFailure) in try input.validate(today: residents.today) }
        return try await db.transaction { db in
            let assessment = ZRMAssessment(residentID: residentID, version: "zrm2017", assessedOn: valid.date, assessorID: actor.userID)
            try await assessment.create(on: db)
            for domain in LifeDomain.allCases {
                try await ZRMScore(assessmentID: try assessment.requireID(), domain: domain, entry: valid.entries[domain]!).create(on: db)
            }
            // A complete assessment gets the nearest profile of the current version.
            let levels = LifeDomain.allCases.compactMap { valid.entries[$0]?.level }
            if levels.count == LifeDomain.allCases.count, let profile = try await ProfileService.classify(levels, on: db) {
                assessment.profileID = profile
                try await assessment.save(on: db)
            }
            try await audit.record(.create, "zrmAssessment", assessment.id, residents: [residentID], purpose: "Zelfredzaamheid (ZRM) vastgelegd", on: db)
            return assessment
        }
    }

    /// Every assessment of the resident, oldest first, with its scores; logged.
    public func history(_ residentID: UUID) async throws -> [ZRMAssessment] {
        try await residents.requireAccess(residentID)
        try await audit.recordRead(.read, "zrmAssessments", residentID, residents: [residentID], purpose: "Zelfredzaamheid (ZRM) ingezien", on: db)
        return try await ZRMAssessment.query(on: db).filter(\.$resident.$id == residentID).with(\.$scores).with(\.$assessor)
            .sort(\.$assessedOn).sort(\.$createdAt).all()
    }
}
