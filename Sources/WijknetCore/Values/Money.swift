/// An amount in euros, exact: a whole number of cents, never a floating-point number. Budgets,
/// spending, tariffs and norms are added and compared in cents, so lines always add up to their
/// total to the cent. Input with more than two decimals is refused, never rounded.
/// In JSON an amount is a string with a decimal point (`"1200000.00"`), so no client reads it
/// as a floating-point number.
public struct Money: Hashable, Comparable, Sendable, Codable {
    public let cents: Int64

    /// Larger amounts are refused as input: no budget line of a municipality comes near a
    /// hundred billion euros, and below it no sum of a few million lines can overflow.
    public static let inputLimit = Money(cents: 10_000_000_000_000)

    public static let zero = Money(cents: 0)

    public init(cents: Int64) { self.cents = cents }

    public init(euros: Int64) { self.cents = euros * 100 }

    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        switch Money.parse(text, .point) {
        case .success(let money): self = money
        case .failure(let problem):
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: problem.message(label: "Het bedrag")))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(plain)
    }

    /// The sum, or nil when it would not fit (never a wrapped-around amount).
    public func adding(_ other: Money) -> Money? {
        let (sum, overflow) = cents.addingReportingOverflow(other.cents)
        return overflow ? nil : Money(cents: sum)
    }

    /// The difference, or nil when it would not fit.
    public func subtracting(_ other: Money) -> Money? {
        let (difference, overflow) = cents.subtractingReportingOverflow(other.cents)
        return overflow ? nil : Money(cents: difference)
    }

    /// The sum of `amounts`, or nil when it would not fit.
    public static func sum<S: Sequence>(_ amounts: S) -> Money? where S.Element == Money {
        var total = Money.zero
        for amount in amounts {
            guard let next = total.adding(amount) else { return nil }
            total = next
        }
        return total
    }

    /// As Dutch readers write it: `€ 1.200.000,00`, `€ -12,50`.
    public var formattedDutch: String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let euros = String(magnitude / 100)
        var grouped = ""
        for (index, digit) in euros.enumerated() {
            if index > 0 && (euros.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        let rest = magnitude % 100
        return "€ \(sign)\(grouped),\(rest < 10 ? "0" : "")\(rest)"
    }

    /// As the API and CSV with a decimal point write it: `1200000.00`, `-12.5`.
    public var plain: String {
        let magnitude = cents.magnitude
        let rest = magnitude % 100
        return "\(cents < 0 ? "-" : "")\(magnitude / 100).\(rest < 10 ? "0" : "")\(rest)"
    }
}

/// Why a text is not an amount, in Dutch, for the field it came from.
public enum MoneyProblem: Error, Equatable, Sendable {
    case notAnAmount
    case tooManyDecimals
    case tooLarge

    public func message(label: String) -> String {
        switch self {
        case .notAnAmount: "\(label) is geen bedrag. Schrijf het als 1200000,00 of 1.200.000,00."
        case .tooManyDecimals: "\(label) heeft meer dan twee cijfers achter de komma; Wijknet rondt bedragen niet af."
        case .tooLarge: "\(label) is groter dan Wijknet als bedrag aanneemt (100 miljard euro)."
        }
    }
}

extension Money {
    /// How the decimals are separated in a text.
    public enum Notation: Sendable {
        /// `1200000.00`: the API, and CSV files with commas between the fields. No thousands separator.
        case point
        /// `1.200.000,00` or `1200000,00`: forms, and CSV files with semicolons. Dots only between
        /// groups of three digits.
        case dutch
    }

    /// Reads an amount, with an optional minus sign and `€`; refuses rather than rounds.
    public static func parse(_ text: String, _ notation: Notation) -> Result<Money, MoneyProblem> {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        if body.hasPrefix("€") { body = body.dropFirst().drop(while: { $0 == " " }) }
        let negative = body.hasPrefix("-")
        if negative { body = body.dropFirst() }
        let decimalMark: Character = notation == .point ? "." : ","
        let parts = body.split(separator: decimalMark, maxSplits: 1, omittingEmptySubsequences: false)
        guard let wholePart = parts.first, !wholePart.isEmpty else { return .failure(.notAnAmount) }
        var whole = String(wholePart)
        if notation == .dutch && whole.contains(".") {
            let groups = whole.split(separator: ".", omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return .failure(.notAnAmount)
            }
            whole = groups.joined()
        }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit), parts.count == 1 || !fraction.isEmpty else {
            return .failure(.notAnAmount)
        }
        guard fraction.count <= 2 else { return .failure(.tooManyDecimals) }
        let digits = whole.drop(while: { $0 == "0" })
        guard digits.count <= 12, let euros = Int64(digits.isEmpty ? "0" : String(digits)) else { return .failure(.tooLarge) }
        let cents = euros * 100 + (fraction.isEmpty ? 0 : Int64(fraction.count == 1 ? fraction + "0" : fraction)!)
        guard cents < inputLimit.cents else { return .failure(.tooLarge) }
        return .success(Money(cents: negative ? -cents : cents))
    }
}
