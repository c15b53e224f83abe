import Fluent
import Foundation
import WijknetCore

/// A self-sufficiency assessment (Zelfredzaamheid-Matrix) of a resident on one day, by one
/// assessor. Its domains are `ZRMScore` rows.
public final class ZRMAssessment: Model, @unchecked Sendable {
    public static let schema = "zrm_assessments"

    @ID public var id: UUID?
    @Parent(key: "resident_id") public var resident: Resident
    /// `zrm2017` (13 domains); older data in `zrm2010` keeps its own 11 domains.
    @Field(key: "version") public var version: String
    @Field(key: "assessed_on") public var assessedOn: String
    /// Who assessed; for an imported assessment, who imported it.
    @Parent(key: "assessor_id") public var assessor: User
    @Children(for: \.$assessment) public var scores: [ZRMScore]
    /// The zelfredzaamheidsprofiel (of the version current then) a complete assessment was
    /// classified under; it keeps it when later versions are derived.
    @OptionalField(key: "profile_id") public var profileID: UUID?
    /// Set when the assessment was imported from the system before Wijknet.
    @OptionalField(key: "imported_at") public var importedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(residentID: UUID, version: String, assessedOn: CalendarDate, assessorID: UUID, importedAt: Date? = nil) {
        self.$resident.id = residentID
        self.version = version
        self.assessedOn = assessedOn.description
        self.$assessor.id = assessorID
        self.importedAt = importedAt
    }
}

/// One domain of an assessment: a level (1–5) with an optional note, or not assessed with a reason.
public final class ZRMScore: Model, @unchecked Sendable {
    public static let schema = "zrm_scores"

    @ID public var id: UUID?
    @Parent(key: "assessment_id") public var assessment: ZRMAssessment
    @Field(key: "domain") public var domain: String
    @OptionalField(key: "level") public var level: Int?
    @OptionalField(key: "note") public var note: String?
    @OptionalField(key: "not_assessed_reason") public var notAssessedReason: String?

    public init() {}

    /// `domain` is a `LifeDomain` raw value for ZRM 2017, a `ZRM2010Domain` one for ZRM 2010.
    public init(assessmentID: UUID, domain: String, entry: ZRMEntry) {
        self.$assessment.id = assessmentID
        self.domain = domain
        switch entry {
        case .scored(let level, let note):
            self.level = level
            self.note = note
        case .notAssessed(let reason):
            self.notAssessedReason = reason
        }
    }
}
