/// A figure as policy staff and the council may see it: the value, or suppressed because it rests
/// on so few residents that someone could be recognised in it. Suppressed is never shown as zero.
public enum Disclosed<Value: Sendable & Equatable>: Sendable, Equatable {
    case shown(Value)
    case suppressed

    public var value: Value? {
        if case .shown(let value) = self { return value }
        return nil
    }

    public var isSuppressed: Bool { self == .suppressed }
}

/// Disclosure control for every aggregate outside the case files, in one place (domain.md): no
/// published number lets anyone derive a count of 1–4 people. No count below `minimumCount`
/// (zero included: "none" can identify as well as "two" can); no share, mean or median computed
/// on fewer than `minimumBase` cases; no share whose part or whose complement (base minus part)
/// is 1–4 ("16,67% of 18" is 3 people); bases shown rounded to `baseRounding`; and where a table
/// shows the parts of one whole, the hidden parts never add up to a small count
/// (`suppressingSecondParts`).
public struct DisclosureControl: Sendable, Equatable {
    public let minimumCount: Int
    public let minimumBase: Int

    public init(minimumCount: Int, minimumBase: Int) {
        self.minimumCount = minimumCount
        self.minimumBase = minimumBase
    }

    /// The council's rule: counts of 5 or more, shares on 10 or more cases.
    public static let council = DisclosureControl(minimumCount: 5, minimumBase: 10)

    /// Bases are published to the nearest multiple of this, so that two of them cannot be
    /// subtracted to a small count.
    public static let baseRounding = 5

    /// The rule in Dutch, as the definitions page, the dashboard and the council letter state it.
    public static let explanation = "minder dan 5 gevallen; een aandeel, gemiddelde of mediaan op minder dan 10 gevallen; "
        + "een aandeel waarbij het deel of de rest (1 tot en met 4 gevallen) terug te rekenen is; en waar een tabel de delen "
        + "van één geheel toont, zoveel delen dat de afgeschermde samen niet op 1 tot en met 4 uitkomen. Aantallen waarop een cijfer berekend is, "
        + "staan afgerond op vijftallen. Zo is niemand in de cijfers te herkennen."

    public func count(_ n: Int) -> Disclosed<Int> {
        n >= minimumCount ? .shown(n) : .suppressed
    }

    /// What a share, mean or median rests on, as it may be published: rounded to
    /// `baseRounding`, or nil below `minimumCount`.
    public func base(_ n: Int) -> Int? {
        guard n >= minimumCount else { return nil }
        let step = Self.baseRounding
        return (n + step / 2) / step * step
    }

    /// `part` of `base` as a fraction from 0 to 1.
    public func share(_ ratio: Ratio) -> Disclosed<Double> {
        let small = 1..<minimumCount
        guard ratio.base >= minimumBase, !small.contains(ratio.part), !small.contains(ratio.base - ratio.part),
              let value = ratio.value else { return .suppressed }
        return .shown(value)
    }

    /// The counts of the parts of one whole, after suppression. The whole (shown beside them, or
    /// reached through another figure) minus the shown parts gives the sum of the hidden ones, so
    /// that sum must not be a small count either: the smallest shown parts are hidden too until
    /// the hidden parts hold `minimumCount` or more together (or all are hidden).
    public func suppressingSecondParts(_ counts: [Int]) -> [Disclosed<Int>] {
        var shown = counts.map(count)
        func hiddenSum() -> Int { shown.indices.filter { shown[$0].isSuppressed }.map { counts[$0] }.reduce(0, +) }
        guard shown.contains(where: \.isSuppressed) else { return shown }
        while hiddenSum() < minimumCount,
              let smallest = shown.indices.filter({ !shown[$0].isSuppressed }).min(by: { counts[$0] < counts[$1] }) {
            shown[smallest] = .suppressed
        }
        return shown
    }

    /// A mean or median over `statistic.cases` cases.
    public func statistic(_ statistic: Statistic) -> Disclosed<Double> {
        guard statistic.cases >= minimumBase, let value = statistic.value else { return .suppressed }
        return .shown(value)
    }
}

/// How many of how many: the raw material of a share, kept whole so that disclosure control and
/// the definitions page can see what it was computed on.
public struct Ratio: Sendable, Equatable, Codable {
    public var part: Int
    public var base: Int

    public init(part: Int, base: Int) {
        self.part = part
        self.base = base
    }

    public static let empty = Ratio(part: 0, base: 0)

    /// The share from 0 to 1; nil when there is nothing to divide by.
    public var value: Double? { base == 0 ? nil : Double(part) / Double(base) }

    public mutating func count(_ isPart: Bool) {
        base += 1
        if isPart { part += 1 }
    }
}

/// A mean or median with the number of cases it was computed on.
public struct Statistic: Sendable, Equatable, Codable {
    public var value: Double?
    public var cases: Int

    public init(value: Double?, cases: Int) {
        self.value = value
        self.cases = cases
    }

    public static func mean(_ values: [Double]) -> Statistic {
        Statistic(value: values.isEmpty ? nil : values.reduce(0, +) / Double(values.count), cases: values.count)
    }

    /// The middle value; for an even number of values, the mean of the two middle ones.
    public static func median(_ values: [Double]) -> Statistic {
        guard !values.isEmpty else { return Statistic(value: nil, cases: 0) }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        let value = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        return Statistic(value: value, cases: sorted.count)
    }

    /// The median of values given as how often each occurs, the same as `median(_:)` over them all.
    public static func median(counts: [Int: Int]) -> Statistic {
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return Statistic(value: nil, cases: 0) }
        let sorted = counts.sorted { $0.key < $1.key }
        /// The value at 0-based position `index` of all values in order.
        func value(at index: Int) -> Double {
            var seen = 0
            for (value, count) in sorted {
                seen += count
                if index < seen { return Double(value) }
            }
            return Double(sorted.last!.key)
        }
        let mid = total / 2
        let value = total % 2 == 1 ? value(at: mid) : (value(at: mid - 1) + value(at: mid)) / 2
        return Statistic(value: value, cases: total)
    }
}
