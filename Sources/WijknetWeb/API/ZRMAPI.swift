import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// `/api/v1/residents/{id}/zrm-assessments`: a resident's self-sufficiency assessments: ZRM 2017,
/// and imported ZRM 2010 ones with their own domains and what each became in 2017.
enum ZRMAPI {
    static func register(_ api: any RoutesBuilder) {
        api.get("residents", ":id", "zrm-assessments", use: history)
        api.post("residents", ":id", "zrm-assessments", use: record)
        api.get("residents", ":id", "profile-suggestion", use: suggestion)
    }

    struct SuggestionDTO: Content {
        let profileVersion: Int?
        let profileNumber: Int?
        let profileName: String?
        let area: String?
        /// Null when suppressed by disclosure control (or without a profile).
        let requests: Int?
        let outcomeShares: [String: Double?]
        let insideShare: Double?
        let medianHours: Double?
    }

    @Sendable static func suggestion(req: Request) async throws -> SuggestionDTO {
        guard let s = try await req.zrmService().suggestion(try req.id()) else {
            return SuggestionDTO(profileVersion: nil, profileNumber: nil, profileName: nil, area: nil, requests: nil, outcomeShares: [:],
                                 insideShare: nil, medianHours: nil)
        }
        return SuggestionDTO(profileVersion: s.version, profileNumber: s.profile.number, profileName: s.profile.name, area: s.areaName,
                             requests: s.advice.requests.value,
                             outcomeShares: Dictionary(uniqueKeysWithValues: s.advice.outcomeShares.map { ($0.key.rawValue, $0.value.value) }),
                             insideShare: s.advice.insideShare.value, medianHours: s.advice.medianHours.value)
    }

    struct DomainDTO: Content {
        let domain: String
        let level: Int?
        let note: String?
        let notAssessedReason: String?
        /// For a ZRM 2010 domain: the ZRM 2017 domains it became (the score is never converted).
        let becameIn2017: [String]?
    }

    struct AssessmentDTO: Content {
        let id: UUID
        let version: String
        let date: String
        /// Who assessed; for an imported assessment, who imported it.
        let assessorId: UUID
        let importedAt: Date?
        let domains: [DomainDTO]
        init(_ a: ZRMAssessment, scores: [ZRMScore]) throws {
            id = try a.requireID(); version = a.version; date = a.assessedOn; assessorId = a.$assessor.id; importedAt = a.importedAt
            let keys = a.version == ZRMVersion.zrm2010.rawValue ? ZRM2010Domain.allCases.map(\.rawValue) : LifeDomain.allCases.map(\.rawValue)
            let order = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
            domains = scores.sorted { (order[$0.domain] ?? 99) < (order[$1.domain] ?? 99) }.map {
                DomainDTO(domain: $0.domain, level: $0.level, note: $0.note, notAssessedReason: $0.notAssessedReason,
                          becameIn2017: a.version == ZRMVersion.zrm2010.rawValue ? ZRM2010Domain(rawValue: $0.domain)?.successors.map(\.rawValue) : nil)
            }
        }
    }

    @Sendable static func history(req: Request) async throws -> [AssessmentDTO] {
        try await req.zrmService().history(try req.id()).map { try AssessmentDTO($0, scores: $0.scores) }
    }

    @Sendable static func record(req: Request) async throws -> Response {
        let id = try req.id()
        try await req.residentService().requireAccess(id)
        let saved = try await req.zrmService().record(id, try req.content.decode(ZRMAssessmentInput.self))
        let assessmentID = try saved.requireID()
        let scores = try await ZRMScore.query(on: req.db).filter(\.$assessment.$id == assessmentID).all()
        return try await AssessmentDTO(saved, scores: scores).encodeResponse(status: .created, for: req)
    }
}
