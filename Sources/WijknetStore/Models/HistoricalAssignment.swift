import Fluent
import Foundation
import WijknetCore

/// An assignment from the municipality's system before Wijknet, imported for the baseline of the
/// figures on assignments (K4–K7). It names no person and belongs to no request: the figures do
/// not need either. `insideNetwork` is derived on import, as for assignments made in Wijknet.
public final class HistoricalAssignment: Model, @unchecked Sendable {
    public static let schema = "historical_assignments"

    @ID public var id: UUID?
    /// The assignment's id in the source system; unique, so importing a file twice adds nothing.
    @Field(key: "source_id") public var sourceID: String
    @Field(key: "law") public var law: Law
    @Parent(key: "product_id") public var product: Product
    @Parent(key: "provider_id") public var provider: Organisation
    @Parent(key: "district_id") public var district: District
    /// The area and network of the wijk, kept so the figures select on an index.
    @Parent(key: "area_id") public var area: Area
    @OptionalParent(key: "network_id") public var network: Network?
    @Field(key: "start_date") public var start: String
    @OptionalField(key: "end_date") public var end: String?
    @Field(key: "hours_per_week") public var hoursPerWeek: Double
    @Field(key: "kind") public var kind: AssignmentKind
    @Field(key: "inside_network") public var insideNetwork: Bool
    @Field(key: "imported_at") public var importedAt: Date

    public init() {}
}
