/// A burgerservicenummer: nine digits that pass the 11-test (elfproef).
///
/// The description never prints the number, so a BSN cannot slip into a log line or an error
/// message by string interpolation; read `digits` on purpose where it is needed.
public struct BSN: Hashable, Sendable, CustomStringConvertible {
    public let digits: String

    /// Accepts 8 or 9 digits (a leading zero may have been dropped), spaces and dots ignored.
    public init?(_ text: String) {
        let cleaned = text.filter { $0 != " " && $0 != "." }
        guard (8...9).contains(cleaned.count), cleaned.allSatisfy(\.isASCIIDigit) else { return nil }
        let nine = cleaned.count == 8 ? "0" + cleaned : cleaned
        guard BSN.passesElevenTest(nine) else { return nil }
        digits = nine
    }

    /// The 11-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 and not zero.
    public static func passesElevenTest(_ nine: String) -> Bool {
        let values = nine.compactMap(\.wholeNumberValue)
        guard values.count == 9 else { return false }
        var sum = 0
        for (index, value) in values.enumerated() {
            sum += index == 8 ? -value : (9 - index) * value
        }
        return sum != 0 && sum % 11 == 0
    }

    /// Shows only the last three digits, for screens that must tell residents apart.
    public var masked: String { "******" + digits.suffix(3) }

    public var description: String { "BSN(\(masked))" }
}

extension Character {
    public var isASCIIDigit: Bool { isASCII && isNumber }
}
