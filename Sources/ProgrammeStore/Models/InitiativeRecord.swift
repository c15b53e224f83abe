import Fluent
import Foundation

/// An initiative under an opgave.
public final class InitiativeRecord: Model, @unchecked Sendable {
    public static let schema = "programme_initiatives"

    @ID public var id: UUID?
    @Parent(key: "opgave_id") public var opgave: OpgaveRecord
    @Field(key: "title") public var title: String
    @OptionalField(key: "owner") public var owner: String?
    @Field(key: "start_day") public var startDay: String
    @OptionalField(key: "end_day") public var endDay: String?
    @Field(key: "status") public var status: String
    /// The links to other programmes and letters, as JSON (`[{"title":…,"reference":…}]`).
    @Field(key: "links") public var links: String
    @Field(key: "version") public var version: Int

    public init() {}
}
