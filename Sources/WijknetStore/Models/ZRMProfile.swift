import Fluent
import Foundation
import WijknetCore

/// One version of the zelfredzaamheidprofielen, derived by an analyst from the complete ZRM 2017
/// assessments of a period. Later versions never change earlier ones: an assessment keeps the
/// profile it was classified under.
public final class ZRMProfileSet: Model, @unchecked Sendable {
    public static let schema = "zrm_profile_sets"

    @ID public var id: UUID?
    @Field(key: "version") public var version: Int
    @Field(key: "period_first") public var periodFirst: String
    @Field(key: "period_last") public var periodLast: String
    @Field(key: "assessments") public var assessments: Int
    @Field(key: "inertia") public var inertia: Double
    /// `k=score` pairs, `;`-separated, when k was proposed; empty when the analyst chose k.
    @Field(key: "silhouettes") public var silhouettes: String
    @Parent(key: "derived_by") public var derivedBy: User
    @Timestamp(key: "derived_at", on: .create) public var derivedAt: Date?
    @Children(for: \.$set) public var profiles: [ZRMProfile]

    public init() {}

    public init(version: Int, period: ReportingPeriod, assessments: Int, inertia: Double, silhouettes: [Int: Double], derivedBy: UUID) {
        self.version = version
        self.periodFirst = period.first.description
        self.periodLast = period.last.description
        self.assessments = assessments
        self.inertia = inertia
        self.silhouettes = silhouettes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
        self.$derivedBy.id = derivedBy
    }

    public var silhouetteScores: [(k: Int, score: Double)] {
        silhouettes.split(separator: ";").compactMap { pair in
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let k = Int(parts[0]), let score = Double(parts[1]) else { return nil }
            return (k, score)
        }
    }
}

/// One profile of a set: its centre (mean level per domain) and the name analysts gave it.
public final class ZRMProfile: Model, @unchecked Sendable {
    public static let schema = "zrm_profiles"

    @ID public var id: UUID?
    @Parent(key: "set_id") public var set: ZRMProfileSet
    @Field(key: "number") public var number: Int
    @Field(key: "name") public var name: String
    /// The mean levels in `LifeDomain.allCases` order, `;`-separated.
    @Field(key: "centre") public var centreText: String
    @Field(key: "size") public var size: Int

    public init() {}

    public init(setID: UUID, profile: ProfileDerivation.Profile) {
        self.$set.id = setID
        self.number = profile.number
        self.name = profile.name
        self.centreText = profile.centre.map { String($0) }.joined(separator: ";")
        self.size = profile.size
    }

    public var centre: [Double] { centreText.split(separator: ";").compactMap { Double($0) } }
}
