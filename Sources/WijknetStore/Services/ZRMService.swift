import Fluent
import Foundation
import SQLKit
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
            let assessment = ZRMAssessment(residentID: residentID, version: ZRMVersion.zrm2017.rawValue, assessedOn: valid.date, assessorID: actor.userID)
            try await assessment.create(on: db)
            for domain in LifeDomain.allCases {
                try await ZRMScore(assessmentID: try assessment.requireID(), domain: domain.rawValue, entry: valid.entries[domain]!).create(on: db)
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

    /// The resident's profile (from the latest classified assessment) and how requests of
    /// residents with the same profile in the same area were answered in the year up to `asOf`.
    public struct Suggestion: Sendable {
        public let profile: ZRMProfile
        public let version: Int
        public let areaName: String
        public let advice: ProfileSuggestion
    }

    public func suggestion(_ residentID: UUID, asOf: CalendarDate = .today()) async throws -> Suggestion? {
        try await residents.requireAccess(residentID)
        guard let latest = try await ZRMAssessment.query(on: db).filter(\.$resident.$id == residentID).filter(\.$profileID != nil)
                .sort(\.$assessedOn, .descending).sort(\.$createdAt, .descending).first(),
              let profileID = latest.profileID,
              let profile = try await ZRMProfile.query(on: db).filter(\.$id == profileID).with(\.$set).first(),
              let resident = try await Resident.query(on: db).filter(\.$id == residentID).with(\.$district, { $0.with(\.$area) }).first()
        else { return nil }
        try await audit.recordRead(.read, "profileSuggestion", residentID, residents: [residentID],
                                   purpose: "Suggestie op basis van zelfredzaamheidsprofiel ingezien", on: db)
        let area = resident.district.area
        let peers: SQLQueryString = """
            SELECT r.id FROM support_requests r WHERE r.area_id = \(bind: try area.requireID()) AND r.resident_id <> \(bind: residentID)
              AND r.intake_date >= \(bind: asOf.adding(days: -365).description) AND r.intake_date <= \(bind: asOf.description)
              AND r.resident_id IN (SELECT a.resident_id FROM zrm_assessments a WHERE a.profile_id = \(bind: profileID))
            """
        let sql = try db.sql()
        var outcomes: [UUID: Set<OutcomeKind>] = [:]
        for row in try await sql.raw("SELECT p.id AS id FROM (\(peers)) p").all() { outcomes[try row.decode(column: "id", as: UUID.self)] = [] }
        for row in try await sql.raw("SELECT o.request_id AS id, o.kind AS kind FROM outcomes o WHERE o.request_id IN (\(peers))").all() {
            if let kind = OutcomeKind(rawValue: try row.decode(column: "kind", as: String.self)) {
                outcomes[try row.decode(column: "id", as: UUID.self), default: []].insert(kind)
            }
        }
        var firsts: [UUID: [(inside: Bool, hours: Double)]] = [:]
        for row in try await sql.raw("""
            SELECT a.request_id AS id, a.inside_network AS inside, a.hours_per_week AS hours FROM assignments a
            WHERE a.kind = 'first' AND a.request_id IN (\(peers))
            """).all() {
            firsts[try row.decode(column: "id", as: UUID.self), default: []].append((try row.decode(column: "inside", as: Bool.self),
                                                                                      try row.decode(column: "hours", as: Double.self)))
        }
        let requests = outcomes.map { ProfileSuggestion.PeerRequest(outcomes: $0.value, firstAssignments: firsts[$0.key] ?? []) }
        return Suggestion(profile: profile, version: profile.set.version, areaName: area.name, advice: ProfileSuggestion(requests))
    }

    /// Every assessment of the resident, oldest first, with its scores; logged.
    public func history(_ residentID: UUID) async throws -> [ZRMAssessment] {
        try await residents.requireAccess(residentID)
        try await audit.recordRead(.read, "zrmAssessments", residentID, residents: [residentID], purpose: "Zelfredzaamheid (ZRM) ingezien", on: db)
        return try await ZRMAssessment.query(on: db).filter(\.$resident.$id == residentID).with(\.$scores).with(\.$assessor)
            .sort(\.$assessedOn).sort(\.$createdAt).all()
    }
}
