import Foundation

/// One problem with one field of the user's input, with the Dutch message shown next to it.
public struct FieldError: Error, Hashable, Sendable, Codable {
    /// The field's name as the API spells it (`bsn`, `hoursPerWeek`, `outcomes[1].organisationId`).
    public let field: String
    /// The message for the user, in Dutch.
    public let message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

/// The input was rejected; nothing was stored. Carries every problem found, not just the first.
public struct ValidationFailure: Error, Sendable {
    public let errors: [FieldError]

    public init(_ errors: [FieldError]) { self.errors = errors }
    public init(_ field: String, _ message: String) { self.errors = [FieldError(field, message)] }

    public func message(for field: String) -> String? { errors.first { $0.field == field }?.message }
}

/// Collects field errors while an input is read, so a form can show all of them at once.
public struct Checker: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public mutating func fail(_ field: String, _ message: String) {
        errors.append(FieldError(field, message))
    }

    /// A required text, trimmed, at most `limit` characters.
    public mutating func text(_ value: String?, _ field: String, label: String, limit: Int = Limits.shortText) -> String? {
        guard let trimmed = trimmed(value) else {
            fail(field, "\(label) is verplicht.")
            return nil
        }
        return withinLimit(trimmed, field, label: label, limit: limit)
    }

    /// An optional text: nil when empty, an error when too long.
    public mutating func optionalText(_ value: String?, _ field: String, label: String, limit: Int = Limits.shortText) -> String? {
        trimmed(value).flatMap { withinLimit($0, field, label: label, limit: limit) }
    }

    private func trimmed(_ value: String?) -> String? {
        let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return trimmed.isEmpty ? nil : trimmed
    }

    private mutating func withinLimit(_ text: String, _ field: String, label: String, limit: Int) -> String? {
        guard text.count <= limit else {
            fail(field, "\(label) mag maximaal \(limit.formattedDutch) tekens hebben (nu \(text.count.formattedDutch)).")
            return nil
        }
        guard !TextRules.hasHiddenCharacters(text) else {
            fail(field, "\(label) bevat een onzichtbaar stuurteken (zoals een nulteken of een teken dat de leesrichting omdraait). Typ de tekst opnieuw.")
            return nil
        }
        return text
    }

    /// At least one life domain, each a known one, without repeats.
    public mutating func lifeDomains(_ values: [String]?) -> [LifeDomain] {
        var domains: [LifeDomain] = []
        for (index, raw) in (values ?? []).enumerated() {
            if let domain = choice(raw, "lifeDomains[\(index)]", label: "Leefgebied", as: LifeDomain.self), !domains.contains(domain) {
                domains.append(domain)
            }
        }
        if (values ?? []).isEmpty { fail("lifeDomains", "Kies minstens één leefgebied.") }
        return domains
    }

    public mutating func date(_ value: String?, _ field: String, label: String) -> CalendarDate? {
        guard let value, !value.isEmpty else {
            fail(field, "\(label) is verplicht.")
            return nil
        }
        guard let date = CalendarDate(value) else {
            fail(field, "\(label) is geen geldige datum (gebruik jjjj-mm-dd).")
            return nil
        }
        return date
    }

    public mutating func optionalDate(_ value: String?, _ field: String, label: String) -> CalendarDate? {
        guard let value, !value.isEmpty else { return nil }
        return date(value, field, label: label)
    }

    public mutating func choice<E: RawRepresentable & CaseIterable>(_ value: String?, _ field: String, label: String, as: E.Type = E.self) -> E? where E.RawValue == String {
        guard let value, !value.isEmpty else {
            fail(field, "\(label) is verplicht.")
            return nil
        }
        guard let choice = E(rawValue: value) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            fail(field, "\(label): onbekende waarde '\(value.prefix(40))'. Kies uit: \(allowed).")
            return nil
        }
        return choice
    }

    public mutating func id(_ value: String?, _ field: String, label: String) -> UUID? {
        guard let value, !value.isEmpty else {
            fail(field, "\(label) is verplicht.")
            return nil
        }
        guard let id = UUID(uuidString: value) else {
            fail(field, "\(label) is onbekend.")
            return nil
        }
        return id
    }

    public mutating func optionalID(_ value: String?, _ field: String, label: String) -> UUID? {
        guard let value, !value.isEmpty else { return nil }
        return id(value, field, label: label)
    }

    /// Throws when any check failed.
    public func finish() throws(ValidationFailure) {
        if !errors.isEmpty { throw ValidationFailure(errors) }
    }
}

/// What no stored text may contain: control characters (a NUL cuts a text short in other systems)
/// and the characters that reverse the reading direction (a name could then show as another).
/// Line breaks and tabs are ordinary text.
public enum TextRules {
    public static func hasHiddenCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: false
            case 0x00...0x1F, 0x7F...0x9F: true
            case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }
}

/// Limits on input, so that one oversized field cannot fill the database or a page.
public enum Limits {
    public static let shortText = 200
    /// The description of a request: room for a thorough account of the keukentafelgesprek.
    public static let summary = 10_000
    public static let note = 4_000
    public static let maxHoursPerWeek = 80.0
    public static let pageSize = 25
    public static let maxPageSize = 200
    /// Lists count matches exactly up to this number, and say "more than" above it.
    public static let countCap = 1_000
    /// The most requests a figure's drill-down lists; above it the user narrows the filter.
    public static let drillDownMaximum = 5_000
}

extension Int {
    /// 10000 → "10.000".
    public var formattedDutch: String {
        let digits = String(abs(self))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return (self < 0 ? "-" : "") + String(out.reversed())
    }
}
