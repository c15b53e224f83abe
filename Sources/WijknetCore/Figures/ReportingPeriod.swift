import Foundation

/// The period P a figure is computed over: a quarter, a year, or any range of days (both ends
/// included). Written `2026Q1`, `2026`, or `2026-01-15..2026-03-31`.
public struct ReportingPeriod: Hashable, Sendable, CustomStringConvertible {
    public let first: CalendarDate
    public let last: CalendarDate

    public init?(first: CalendarDate, last: CalendarDate) {
        guard first <= last else { return nil }
        self.first = first
        self.last = last
    }

    public static func quarter(_ year: Int, _ quarter: Int) -> ReportingPeriod? {
        guard (1...4).contains(quarter),
              let first = CalendarDate(year: year, month: quarter * 3 - 2, day: 1),
              let next = quarter == 4 ? CalendarDate(year: year + 1, month: 1, day: 1) : CalendarDate(year: year, month: quarter * 3 + 1, day: 1)
        else { return nil }
        return ReportingPeriod(first: first, last: next.adding(days: -1))
    }

    public static func year(_ year: Int) -> ReportingPeriod? {
        guard let first = CalendarDate(year: year, month: 1, day: 1), let last = CalendarDate(year: year, month: 12, day: 31) else { return nil }
        return ReportingPeriod(first: first, last: last)
    }

    /// The quarter a date falls in.
    public static func quarter(containing date: CalendarDate) -> ReportingPeriod {
        quarter(date.year, (date.month - 1) / 3 + 1)!
    }

    /// Parses `2026Q1` (also `2026-Q1`, `2026K1`), `2026`, or `YYYY-MM-DD..YYYY-MM-DD`.
    public init?(_ text: String) {
        let text = text.trimmingCharacters(in: .whitespaces).uppercased()
        if let range = text.range(of: "..") {
            guard let first = CalendarDate(String(text[..<range.lowerBound])),
                  let last = CalendarDate(String(text[range.upperBound...])) else { return nil }
            self.init(first: first, last: last)
            return
        }
        let compact = text.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "K", with: "Q")
        if compact.count == 4, let year = Int(compact), let period = ReportingPeriod.year(year) {
            self = period
            return
        }
        let parts = compact.split(separator: "Q")
        guard compact.count == 6, parts.count == 2, let year = Int(parts[0]), let q = Int(parts[1]),
              let period = ReportingPeriod.quarter(year, q) else { return nil }
        self = period
    }

    public func contains(_ date: CalendarDate) -> Bool { first <= date && date <= last }

    /// Whether something running from `start` to `end` (nil: open-ended) is active in this period.
    public func overlaps(start: CalendarDate, end: CalendarDate?) -> Bool {
        start <= last && (end.map { $0 >= first } ?? true)
    }

    /// Whether this period is exactly one calendar quarter.
    public var isQuarter: Bool { ReportingPeriod.quarter(containing: first) == self }

    public var isYear: Bool { ReportingPeriod.year(first.year) == self }

    /// The quarters this period touches, in order, for a trend.
    public var quarters: [ReportingPeriod] {
        var result: [ReportingPeriod] = []
        var quarter = ReportingPeriod.quarter(containing: first)
        while quarter.first <= last {
            result.append(quarter)
            quarter = ReportingPeriod.quarter(containing: quarter.last.adding(days: 1))
        }
        return result
    }

    /// `2026Q1`, `2026`, or the range; parsed back by `init?(_:)`.
    public var description: String {
        if isQuarter { return "\(first.year)Q\((first.month - 1) / 3 + 1)" }
        if isYear { return "\(first.year)" }
        return "\(first)..\(last)"
    }

    /// Dutch: `1e kwartaal 2026`, `2026`, `1-1-2026 t/m 15-2-2026`.
    public var dutch: String {
        if isQuarter { return "\((first.month - 1) / 3 + 1)e kwartaal \(first.year)" }
        if isYear { return "\(first.year)" }
        return "\(first.dutch) t/m \(last.dutch)"
    }

    /// Short Dutch label for a chart axis or a column: `1e kw. 2026`. Not `K1 2026`: that reads
    /// as the council's figure K1 next to the rows that name the figures.
    public var shortDutch: String {
        isQuarter ? "\((first.month - 1) / 3 + 1)e kw. \(first.year)" : dutch
    }
}
