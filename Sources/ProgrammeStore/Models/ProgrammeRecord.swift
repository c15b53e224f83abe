import Fluent
import Foundation
import WijknetStore

/// A municipality's programme (the Transformatie Sociaal Domein of seed 000): its name, the
/// period it runs and who owns it.
public final class ProgrammeRecord: Model, @unchecked Sendable {
    public static let schema = "programmes"

    @ID public var id: UUID?
    @Parent(key: "municipality_id") public var municipality: Municipality
    @Field(key: "name") public var name: String
    /// The first and last day, `YYYY-MM-DD`.
    @Field(key: "first_day") public var firstDay: String
    @Field(key: "last_day") public var lastDay: String
    @OptionalField(key: "owner") public var owner: String?

    public init() {}

    public init(municipalityID: UUID, name: String, firstDay: String, lastDay: String, owner: String?) {
        self.$municipality.id = municipalityID
        self.name = name
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.owner = owner
    }
}
