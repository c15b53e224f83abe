import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// `/api/v1/residents/{id}/zrm-assessments`: a resident's self-sufficiency assessments: ZRM 2017,
/// and imported ZRM 2010 ones with their own domains and what each became in 2017.
enum ZRMAPI {
    static func register(_ api: APIRoutes) {
        api.on(.GET, .residentZRM, use: history)
        api.on(.POST, .residentZRM, use: record)
        api.on(.GET, .residentProfileSuggestion, use: suggestion)
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

    @Sendable static func history(req: Request) async throws -> [ZRMAssessmentDTO] {
        try await req.zrmService().history(try req.id()).map { try ZRMAssessmentDTO($0, scores: $0.scores) }
    }

    @Sendable static func record(req: Request) async throws -> Response {
        let id = try req.id()
        try await req.residentService().requireAccess(id)
        let saved = try await req.zrmService().record(id, try req.content.decode(ZRMAssessmentInput.self))
        let assessmentID = try saved.requireID()
        let scores = try await ZRMScore.query(on: req.db).filter(\.$assessment.$id == assessmentID).all()
        return try await ZRMAssessmentDTO(saved, scores: scores).encodeResponse(status: .created, for: req)
    }
}
