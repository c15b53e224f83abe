import Fluent
import Foundation

/// A municipality (gemeente), keyed by its CBS code (GM0202 for Arnhem).
public final class Municipality: Model, @unchecked Sendable {
    public static let schema = "municipalities"

    @ID public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String

    public init() {}

    public init(id: UUID? = nil, code: String, name: String) {
        self.id = id
        self.code = code
        self.name = name
    }
}

/// An area (gebied): the set of wijken one network covers.
public final class Area: Model, @unchecked Sendable {
    public static let schema = "areas"

    @ID public var id: UUID?
    @Parent(key: "municipality_id") public var municipality: Municipality
    @Field(key: "name") public var name: String

    public init() {}

    public init(id: UUID? = nil, municipalityID: UUID, name: String) {
        self.id = id
        self.$municipality.id = municipalityID
        self.name = name
    }
}

/// A CBS wijk (district) inside an area.
public final class District: Model, @unchecked Sendable {
    public static let schema = "districts"

    @ID public var id: UUID?
    @Parent(key: "area_id") public var area: Area
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String

    public init() {}

    public init(id: UUID? = nil, areaID: UUID, code: String, name: String) {
        self.id = id
        self.$area.id = areaID
        self.code = code
        self.name = name
    }
}

/// A wijknetwerk: the partners that together pick up new requests in one area.
public final class Network: Model, @unchecked Sendable {
    public static let schema = "networks"

    @ID public var id: UUID?
    @Parent(key: "area_id") public var area: Area
    @Field(key: "name") public var name: String
    /// ISO weekday of the weekly wijknetwerkoverleg, 1 = Monday.
    @Field(key: "meeting_weekday") public var meetingWeekday: Int

    public init() {}

    public init(id: UUID? = nil, areaID: UUID, name: String, meetingWeekday: Int) {
        self.id = id
        self.$area.id = areaID
        self.name = name
        self.meetingWeekday = meetingWeekday
    }
}
