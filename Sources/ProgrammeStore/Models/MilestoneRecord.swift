import Fluent
import Foundation

/// A milestone of an initiative: planned as a day or a quarter, reached on a day.
public final class MilestoneRecord: Model, @unchecked Sendable {
    public static let schema = "programme_milestones"

    @ID public var id: UUID?
    @Parent(key: "initiative_id") public var initiative: InitiativeRecord
    @Field(key: "title") public var title: String
    /// `2026-06-30` or `2026Q3` (`PlannedMoment`).
    @Field(key: "planned") public var planned: String
    @OptionalField(key: "reached_on") public var reachedOn: String?
    @Field(key: "reported") public var reported: String
    @OptionalField(key: "late_reason") public var lateReason: String?
    @Field(key: "version") public var version: Int

    public init() {}
}
