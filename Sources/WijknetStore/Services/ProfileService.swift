import Fluent
import FluentSQL
import Foundation
import SQLKit
import WijknetCore

/// Zelfredzaamheidprofielen: an analyst derives a new version from the complete ZRM 2017
/// assessments of a period (`ProfileDerivation`), reads the versions and renames profiles. The
/// assessments used are classified under the new version unless they already had a profile; a
/// new assessment is classified under the latest version when it is recorded (`ZRMService`).
public struct ProfileService: Sendable {
    let db: any Database
    let actor: Actor
    let audit: AuditTrail

    public init(db: any Database, actor: Actor, channel: AuditChannel = .command) {
        self.db = db
        self.actor = actor
        self.audit = AuditTrail(actor: actor, channel: channel)
    }

    /// Every version, newest first, with its profiles by number.
    public func sets() async throws -> [ZRMProfileSet] {
        guard CasePolicy.mayDeriveProfiles(actor.role) else { throw StoreError.forbidden }
        return try await ZRMProfileSet.query(on: db).with(\.$profiles).with(\.$derivedBy).sort(\.$version, .descending).all()
    }

    public func set(version: Int) async throws -> ZRMProfileSet {
        guard CasePolicy.mayDeriveProfiles(actor.role) else { throw StoreError.forbidden }
        guard let set = try await ZRMProfileSet.query(on: db).filter(\.$version == version).with(\.$profiles).with(\.$derivedBy).first() else {
            throw StoreError.notFound(what: "Profielversie")
        }
        return set
    }

    public func derive(_ input: ProfileDerivationInput) async throws -> ZRMProfileSet {
        guard CasePolicy.mayDeriveProfiles(actor.role) else { throw StoreError.forbidden }
        let valid = try validating { () throws(ValidationFailure) in try input.validate() }
        let (ids, vectors) = try await Self.completeAssessments(in: valid.period, on: db)
        let minimum = 10 * (valid.k ?? 2)
        guard vectors.count >= minimum, let derived = ProfileDerivation.derive(vectors, k: valid.k) else {
            throw StoreError.invalid(ValidationFailure("first", "Te weinig volledige ZRM-afnames in deze periode (\(vectors.count)); nodig zijn er minstens \(minimum)."))
        }
        return try await db.transaction { db in
            let version = (try await ZRMProfileSet.query(on: db).max(\.$version) ?? 0) + 1
            let set = ZRMProfileSet(version: version, period: valid.period, assessments: vectors.count, inertia: derived.inertia,
                                    silhouettes: derived.silhouettes, derivedBy: actor.userID)
            try await set.create(on: db)
            var profileIDs: [Int: UUID] = [:]
            for profile in derived.profiles {
                let model = ZRMProfile(setID: try set.requireID(), profile: profile)
                try await model.create(on: db)
                profileIDs[profile.number] = try model.requireID()
            }
            // Classify the assessments used, in batches (SQLite limits bound values), keeping earlier profiles.
            let byProfile = Dictionary(grouping: zip(ids, derived.numbers), by: \.1).mapValues { $0.map(\.0) }
            let sql = try db.sql()
            for (number, assessments) in byProfile {
                for start in stride(from: 0, to: assessments.count, by: 500) {
                    let batch = Array(assessments[start..<min(assessments.count, start + 500)])
                    try await sql.raw("""
                        UPDATE zrm_assessments SET profile_id = \(bind: profileIDs[number]!) WHERE profile_id IS NULL AND id IN (\(binds: batch))
                        """).run()
                }
            }
            try await audit.record(.create, "zrmProfileSet", set.id, residents: [], purpose: "Zelfredzaamheidprofielen afgeleid (versie \(version))", on: db)
            return set
        }
    }

    public func rename(_ profileID: UUID, _ input: ProfileNameInput) async throws -> ZRMProfile {
        guard CasePolicy.mayDeriveProfiles(actor.role) else { throw StoreError.forbidden }
        let name = try validating { () throws(ValidationFailure) in try input.validate() }
        guard let profile = try await ZRMProfile.find(profileID, on: db) else { throw StoreError.notFound(what: "Profiel") }
        return try await db.transaction { db in
            profile.name = name
            try await profile.save(on: db)
            try await audit.record(.update, "zrmProfile", profileID, residents: [], purpose: "Naam van een zelfredzaamheidsprofiel gewijzigd", on: db)
            return profile
        }
    }

    /// How many assessments fell in each profile of a version, per area and quarter: the profiles
    /// as policy sees them. Counts only; the page applies disclosure control.
    public struct DistributionRow: Sendable, Equatable {
        public let area: String
        public let quarter: ReportingPeriod
        /// Per profile number, the number of assessments.
        public let counts: [Int: Int]
    }

    public func distribution(version: Int) async throws -> [DistributionRow] {
        let set = try await self.set(version: version)
        let rows = try await db.sql().raw("""
            SELECT ar.name AS area, a.assessed_on AS date, p.number AS number FROM zrm_assessments a
            JOIN zrm_profiles p ON p.id = a.profile_id JOIN residents r ON r.id = a.resident_id
            JOIN districts d ON d.id = r.district_id JOIN areas ar ON ar.id = d.area_id
            WHERE p.set_id = \(bind: try set.requireID())
            """).all()
        var counts: [String: [ReportingPeriod: [Int: Int]]] = [:]
        for row in rows {
            guard let date = CalendarDate(try row.decode(column: "date", as: String.self)) else { continue }
            counts[try row.decode(column: "area", as: String.self), default: [:]][.quarter(containing: date), default: [:]][try row.decode(column: "number", as: Int.self), default: 0] += 1
        }
        return counts.sorted { $0.key < $1.key }.flatMap { area, quarters in
            quarters.sorted { $0.key.first < $1.key.first }.map { DistributionRow(area: area, quarter: $0.key, counts: $0.value) }
        }
    }

    /// One assessment in the research export: no name, no id, no free text.
    public struct ExportRow: Sendable {
        public let pseudonym: String
        public let date: String
        public let version: String
        /// Per domain of the assessment's version, the level or nil (not assessed).
        public let levels: [Int?]
        public let profile: String?
    }

    /// Every ZRM 2017 assessment of a period as pseudonymised score vectors, for researchers
    /// (analysts only); logged as an export, with the number of assessments but no residents.
    public func export(_ period: ReportingPeriod, vault: BSNVault) async throws -> [ExportRow] {
        guard CasePolicy.mayDeriveProfiles(actor.role) else { throw StoreError.forbidden }
        let result = try await Self.scoredAssessments(in: period, on: db).map {
            ExportRow(pseudonym: vault.pseudonym($0.resident), date: $0.date, version: ZRMVersion.zrm2017.rawValue, levels: $0.levels, profile: $0.profile)
        }
        try await audit.record(.export, "zrmScores", nil, residents: [], purpose: "Gepseudonimiseerde ZRM-scores voor onderzoek (\(result.count) metingen)", on: db)
        return result
    }

    /// The profile of the latest version nearest to a complete assessment, or nil.
    static func classify(_ vector: [Int], on db: any Database) async throws -> UUID? {
        guard let latest = try await ZRMProfileSet.query(on: db).sort(\.$version, .descending).with(\.$profiles).first() else { return nil }
        let number = ProfileDerivation.classify(vector, centres: latest.profiles.map { ($0.number, $0.centre) })
        return latest.profiles.first { $0.number == number }?.id
    }

    /// The complete ZRM 2017 assessments of a period, each as 13 levels; see `scoredAssessments`.
    static func completeAssessments(in period: ReportingPeriod, on db: any Database) async throws -> (ids: [UUID], vectors: [[Int]]) {
        let complete = try await scoredAssessments(in: period, on: db).compactMap { a -> (UUID, [Int])? in
            let levels = a.levels.compactMap { $0 }
            return levels.count == a.levels.count ? (a.id, levels) : nil
        }
        return (complete.map(\.0), complete.map(\.1))
    }

    /// One ZRM 2017 assessment with its levels in `LifeDomain.allCases` order (nil: not assessed).
    struct ScoredAssessment {
        let id: UUID
        let resident: UUID
        let date: String
        var levels: [Int?]
        /// `v<version>-<number>` of the profile it was classified under.
        let profile: String?
    }

    /// Every ZRM 2017 assessment of a period, in a fixed order (date, then id) so the same
    /// assessments always give the same profiles.
    static func scoredAssessments(in period: ReportingPeriod, on db: any Database) async throws -> [ScoredAssessment] {
        let rows = try await db.sql().raw("""
            SELECT a.id AS id, a.resident_id AS resident, a.assessed_on AS date, s.domain AS domain, s.level AS level,
                   ps.version AS profile_version, p.number AS profile_number
            FROM zrm_assessments a JOIN zrm_scores s ON s.assessment_id = a.id
            LEFT JOIN zrm_profiles p ON p.id = a.profile_id LEFT JOIN zrm_profile_sets ps ON ps.id = p.set_id
            WHERE a.version = \(bind: ZRMVersion.zrm2017.rawValue) AND a.assessed_on >= \(bind: period.first.description) AND a.assessed_on <= \(bind: period.last.description)
            ORDER BY a.assessed_on, a.id
            """).all()
        let index = Dictionary(uniqueKeysWithValues: LifeDomain.allCases.enumerated().map { ($0.element.rawValue, $0.offset) })
        var result: [ScoredAssessment] = []
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            if result.last?.id != id {
                let profile = try row.decode(column: "profile_version", as: Int?.self).flatMap { v in
                    try? row.decode(column: "profile_number", as: Int?.self).map { "v\(v)-\($0)" }
                }
                result.append(ScoredAssessment(id: id, resident: try row.decode(column: "resident", as: UUID.self),
                                               date: try row.decode(column: "date", as: String.self),
                                               levels: Array(repeating: nil, count: LifeDomain.allCases.count), profile: profile))
            }
            if let i = index[try row.decode(column: "domain", as: String.self)] {
                result[result.count - 1].levels[i] = try row.decode(column: "level", as: Int?.self)
            }
        }
        return result
    }
}
