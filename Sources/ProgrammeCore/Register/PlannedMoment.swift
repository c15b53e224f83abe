import WijknetCore

/// When a milestone is planned: a day, or only a quarter (the council letter often names no more
/// than "in het derde kwartaal"). A quarter's deadline is its last day.
public enum PlannedMoment: Hashable, Sendable {
    case date(CalendarDate)
    case quarter(ReportingPeriod)

    /// The last day on which reaching the milestone is still on time.
    public var deadline: CalendarDate {
        switch self {
        case .date(let date): date
        case .quarter(let quarter): quarter.last
        }
    }

    /// Reads `2026-06-30` or `2026Q3` (also `2026-Q3`, `2026K3`); a year or a range is no moment.
    public init?(_ text: String) {
        if let date = CalendarDate(text.trimmingCharacters(in: .whitespaces)) {
            self = .date(date)
        } else if let period = ReportingPeriod(text), period.isQuarter {
            self = .quarter(period)
        } else {
            return nil
        }
    }

    /// As stored and in the API: `2026-06-30` or `2026Q3`.
    public var text: String {
        switch self {
        case .date(let date): date.description
        case .quarter(let quarter): quarter.description
        }
    }

    /// Dutch: `30-06-2026` or `3e kwartaal 2026`.
    public var dutch: String {
        switch self {
        case .date(let date): date.dutch
        case .quarter(let quarter): quarter.dutch
        }
    }
}
