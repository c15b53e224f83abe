import WijknetCore

/// An indicator's values per period, with what the letter says about them.
public struct IndicatorSeries: Sendable {
    public let definition: IndicatorDefinition
    /// One value per period, in period order.
    public let values: [(period: ReportingPeriod, value: Measure)]

    public init(_ definition: IndicatorDefinition, values: [(period: ReportingPeriod, value: Measure)]) {
        self.definition = definition
        self.values = values.sorted { $0.period.first < $1.period.first }
    }

    /// The values up to and including `period`: what was known for that period's letter.
    public func through(_ period: ReportingPeriod) -> IndicatorSeries {
        IndicatorSeries(definition, values: values.filter { $0.period.last <= period.last })
    }

    public var latest: (period: ReportingPeriod, value: Measure)? { values.last }

    /// How the last value moved against the one before it; nil with fewer than two values.
    public var lastMovement: Movement? {
        guard values.count >= 2 else { return nil }
        return definition.movement(from: values[values.count - 2].value, to: values[values.count - 1].value)
    }

    /// Whether the latest value reached the target (nil without target or value).
    public var targetReached: Bool? {
        guard let target = definition.target, let latest else { return nil }
        return definition.movement(from: target.value, to: latest.value) != .worse
    }
}
