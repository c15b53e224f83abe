import Fluent
import Foundation
import WijknetCore

/// A measurement of a resident's situation for one request (track 3), at intake or after the
/// follow-up period: the item scores of one measure.
public final class EffectMeasurement: Model, @unchecked Sendable {
    public static let schema = "effect_measurements"

    @ID public var id: UUID?
    @Parent(key: "request_id") public var request: SupportRequest
    @Field(key: "measure") public var measure: EffectMeasure
    @Field(key: "moment") public var moment: EffectMoment
    @Field(key: "measured_on") public var measuredOn: String
    /// `item:score` pairs joined by `|`.
    @Field(key: "scores") public var scoresText: String
    @Parent(key: "recorded_by") public var recordedBy: User
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var scores: [String: Int] {
        Dictionary(scoresText.split(separator: "|").compactMap { pair -> (String, Int)? in
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let value = Int(parts[1]) else { return nil }
            return (String(parts[0]), value)
        }, uniquingKeysWith: { a, _ in a })
    }

    func set(_ valid: EffectMeasurementInput.Valid, by user: UUID) {
        moment = valid.moment
        measuredOn = valid.date.description
        scoresText = valid.scores.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: "|")
        $recordedBy.id = user
    }
}
