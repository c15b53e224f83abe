import Foundation
import Vapor
import WijknetCore
import WijknetStore

/// A ZRM assessment as JSON, for the API and the resident's export.
struct ZRMDomainDTO: Content {
    let domain: String
    let level: Int?
    let note: String?
    let notAssessedReason: String?
    /// For a ZRM 2010 domain: the ZRM 2017 domains it became (the score is never converted).
    let becameIn2017: [String]?
}

struct ZRMAssessmentDTO: Content {
    let id: UUID
    let version: String
    let date: String
    /// Who assessed; for an imported assessment, who imported it.
    let assessorId: UUID
    let importedAt: Date?
    let domains: [ZRMDomainDTO]
    init(_ a: ZRMAssessment, scores: [ZRMScore]) throws {
        id = try a.requireID(); version = a.version; date = a.assessedOn; assessorId = a.$assessor.id; importedAt = a.importedAt
        let keys = a.version == ZRMVersion.zrm2010.rawValue ? ZRM2010Domain.allCases.map(\.rawValue) : LifeDomain.allCases.map(\.rawValue)
        let order = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        domains = scores.sorted { (order[$0.domain] ?? 99) < (order[$1.domain] ?? 99) }.map {
            ZRMDomainDTO(domain: $0.domain, level: $0.level, note: $0.note, notAssessedReason: $0.notAssessedReason,
                      becameIn2017: a.version == ZRMVersion.zrm2010.rawValue ? ZRM2010Domain(rawValue: $0.domain)?.successors.map(\.rawValue) : nil)
        }
    }
}

/// An audit entry as JSON, for the API and the resident's export.
struct AuditEntryDTO: Content {
    let seq: Int
    let at: String
    let userId: String
    let username: String
    let role: String
    let organisationId: String
    let action: String
    let channel: String
    let subject: String
    let subjectId: String
    let residentIds: [String]
    let purpose: String
    let previousHash: String
    let hash: String

    init(_ e: AuditEntry) {
        seq = e.seq
        at = e.at
        userId = e.userID
        username = e.username
        role = e.role
        organisationId = e.organisationID
        action = e.action
        channel = e.channel
        subject = e.subject
        subjectId = e.subjectID
        residentIds = e.residentIDs.split(separator: ",").map(String.init)
        purpose = e.purpose
        previousHash = e.previousHash
        hash = e.hash
    }
}
