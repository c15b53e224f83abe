import Fluent
import Foundation

/// A text block of the quarterly council letter (raadsbrief), written and kept by policy staff
/// per municipality and quarter: the introduction, the developments, what comes next.
public final class LetterText: Model, @unchecked Sendable {
    public static let schema = "letter_texts"

    @ID public var id: UUID?
    @Parent(key: "municipality_id") public var municipality: Municipality
    /// `2026Q1`.
    @Field(key: "quarter") public var quarter: String
    @Field(key: "section") public var section: String
    @Field(key: "body") public var body: String
    @Parent(key: "updated_by") public var updatedBy: User
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(municipalityID: UUID, quarter: String, section: String, body: String, userID: UUID) {
        self.$municipality.id = municipalityID
        self.quarter = quarter
        self.section = section
        self.body = body
        self.$updatedBy.id = userID
    }
}
