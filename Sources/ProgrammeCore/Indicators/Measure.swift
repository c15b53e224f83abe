import Foundation
import WijknetCore

/// A value of an indicator, exact: a decimal number as written (`12,5`, `1034`, `-0.75`), never
/// a floating-point approximation. At most 15 digits, of which at most 6 after the separator;
/// more is refused, not rounded.
public struct Measure: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: Decimal

    public init(_ value: Decimal) { self.value = value }

    public init(_ value: Int) { self.value = Decimal(value) }

    public static func < (a: Measure, b: Measure) -> Bool { a.value < b.value }

    /// Reads a number with an optional minus sign and the decimal mark of `notation`: `12,5` in
    /// Dutch, `12.5` with a point. No thousands separators: in a Dutch file `1.034` means a
    /// thousand and thirty-four to one reader and one point nought three four to the next, so
    /// it is refused rather than guessed.
    public init?(_ text: String, _ notation: Money.Notation) {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        let negative = body.hasPrefix("-")
        if negative { body = body.dropFirst() }
        let parts = body.split(separator: notation == .point ? "." : ",", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let digits = parts[0].drop(while: { $0 == "0" }).count + (parts.count == 2 ? parts[1].count : 0)
        guard digits <= 15, parts.count == 1 || parts[1].count <= 6,
              let value = Decimal(string: (negative ? "-" : "") + parts.joined(separator: "."), locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        self.value = value
    }

    /// As stored and in the API: a decimal point, no exponent (`12.5`).
    public var description: String { NSDecimalNumber(decimal: value).description(withLocale: Locale(identifier: "en_US_POSIX")) }

    /// Dutch: a decimal comma and dots between thousands (`1.034,5`).
    public var dutch: String {
        let plain = description
        let negative = plain.hasPrefix("-")
        let parts = plain.drop(while: { $0 == "-" }).split(separator: ".", maxSplits: 1)
        let whole = String(parts[0])
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        return (negative ? "-" : "") + grouped + (parts.count == 2 ? "," + parts[1] : "")
    }
}
