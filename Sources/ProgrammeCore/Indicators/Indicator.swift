import WijknetCore

/// Which way an indicator should move.
public enum IndicatorDirection: String, CaseIterable, Codable, Sendable {
    case higherIsBetter
    case lowerIsBetter

    public var dutch: String {
        switch self {
        case .higherIsBetter: "Hoger is beter"
        case .lowerIsBetter: "Lager is beter"
        }
    }
}

/// Where an indicator's values come from.
public enum IndicatorSource: Hashable, Sendable {
    /// One of the council's figures, computed from Wijknet's own records for the programme's
    /// municipality, never typed in (and under disclosure control like the figures themselves).
    case figure(FigureDefinition)
    /// An existing monitor outside Wijknet (Staat van de Stad, Leefbare Wijken monitor, CBS):
    /// values come in by CSV or by hand, each with its source.
    case monitor(String)
    /// Values staff enter.
    case entered

    public var dutch: String {
        switch self {
        case .figure(let figure): "Wijknet: \(figure.code) \(figure.title)"
        case .monitor(let name): name
        case .entered: "Ingevoerd door medewerkers"
        }
    }
}

/// What an indicator measures and where it should go.
public struct IndicatorDefinition: Hashable, Sendable {
    public var name: String
    /// `%`, `huishoudens`, `dagen`: required, a number without a unit means nothing to the council.
    public var unit: String
    public var direction: IndicatorDirection
    public var source: IndicatorSource
    public var baseline: (value: Measure, period: ReportingPeriod)?
    public var target: (value: Measure, by: CalendarDate)?

    public init(name: String, unit: String, direction: IndicatorDirection, source: IndicatorSource,
                baseline: (value: Measure, period: ReportingPeriod)? = nil, target: (value: Measure, by: CalendarDate)? = nil) {
        self.name = name
        self.unit = unit
        self.direction = direction
        self.source = source
        self.baseline = baseline
        self.target = target
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.name == b.name && a.unit == b.unit && a.direction == b.direction && a.source == b.source
            && a.baseline?.value == b.baseline?.value && a.baseline?.period == b.baseline?.period
            && a.target?.value == b.target?.value && a.target?.by == b.target?.by
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(unit)
    }

    /// Whether going from `earlier` to `later` is the good way, the bad way, or no change.
    public func movement(from earlier: Measure, to later: Measure) -> Movement {
        if earlier == later { return .flat }
        let up = later > earlier
        return up == (direction == .higherIsBetter) ? .better : .worse
    }
}

/// Which way the last value moved.
public enum Movement: String, Sendable {
    case better
    case flat
    case worse

    public var dutch: String {
        switch self {
        case .better: "verbeterd"
        case .flat: "gelijk gebleven"
        case .worse: "verslechterd"
        }
    }
}
