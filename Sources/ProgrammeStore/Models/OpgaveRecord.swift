import Fluent
import Foundation

/// An opgave of a programme. `version` goes up with every change, so a second editor who read an
/// older version gets a conflict instead of overwriting the first.
public final class OpgaveRecord: Model, @unchecked Sendable {
    public static let schema = "programme_opgaven"

    @ID public var id: UUID?
    @Parent(key: "programme_id") public var programme: ProgrammeRecord
    @Field(key: "number") public var number: Int
    @Field(key: "name") public var name: String
    @Field(key: "goal") public var goal: String
    @OptionalField(key: "portfolio_holder") public var portfolioHolder: String?
    @OptionalField(key: "official") public var official: String?
    @Field(key: "version") public var version: Int

    public init() {}
}
