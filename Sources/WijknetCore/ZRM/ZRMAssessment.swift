import Foundation

/// The five levels of the Zelfredzaamheid-Matrix, the same in every version (names only: the
/// official criteria per cell are licensed and not part of Wijknet).
public enum ZRMLevel {
    public static let range = 1...5

    public static func name(_ level: Int) -> String {
        switch level {
        case 1: "Acute problematiek"
        case 2: "Niet zelfredzaam"
        case 3: "Beperkt zelfredzaam"
        case 4: "Voldoende zelfredzaam"
        case 5: "Volledig zelfredzaam"
        default: "\(level)"
        }
    }
}

/// The version of the matrix an assessment was made in: Wijknet records 2017 (13 domains); 2010
/// (11 domains) comes only from an import and stays 2010.
public enum ZRMVersion: String, Codable, Sendable {
    case zrm2017
    case zrm2010

    public var label: String {
        switch self {
        case .zrm2017: "ZRM 2017"
        case .zrm2010: "ZRM 2010"
        }
    }
}

/// One domain of an assessment: a level with an optional note, or explicitly not assessed with
/// the reason why. Every domain is one or the other.
public enum ZRMEntry: Sendable, Equatable {
    case scored(level: Int, note: String?)
    case notAssessed(reason: String)

    public var level: Int? {
        if case .scored(let level, _) = self { return level }
        return nil
    }
}

/// A ZRM 2017 assessment as a coach enters it: per domain (`LifeDomain` raw value) a level `1`–`5`
/// or `na` (not assessed), a note, and for `na` the reason.
public struct ZRMAssessmentInput: Codable, Sendable {
    public var date: String?
    public var levels: [String: String]?
    public var notes: [String: String]?
    public var reasons: [String: String]?

    public init(date: String? = nil, levels: [String: String]? = nil, notes: [String: String]? = nil, reasons: [String: String]? = nil) {
        self.date = date
        self.levels = levels
        self.notes = notes
        self.reasons = reasons
    }

    public struct Valid: Sendable, Equatable {
        public let date: CalendarDate
        public let entries: [LifeDomain: ZRMEntry]
    }

    public func validate(today: CalendarDate) throws(ValidationFailure) -> Valid {
        var check = Checker()
        var date = check.date(date, "date", label: "Datum")
        if let d = date, d > today {
            check.fail("date", "De datum ligt in de toekomst.")
            date = nil
        }
        var entries: [LifeDomain: ZRMEntry] = [:]
        for domain in LifeDomain.allCases {
            let key = domain.rawValue
            let raw = levels?[key]?.trimmingCharacters(in: .whitespaces) ?? ""
            let note = check.optionalText(notes?[key], "notes.\(key)", label: "De notitie bij \(domain.label)", limit: Limits.note)
            if raw == "na" {
                if let reason = check.optionalText(reasons?[key], "reasons.\(key)", label: "De reden bij \(domain.label)", limit: Limits.shortText) {
                    entries[domain] = .notAssessed(reason: reason)
                } else {
                    check.fail("reasons.\(key)", "Geef bij \(domain.label) aan waarom het niet is gescoord.")
                }
            } else if let level = Int(raw), ZRMLevel.range.contains(level) {
                entries[domain] = .scored(level: level, note: note)
            } else {
                check.fail("levels.\(key)", "Scoor \(domain.label) van 1 tot en met 5, of kies ‘niet gescoord’ met een reden.")
            }
        }
        try check.finish()
        return Valid(date: date!, entries: entries)
    }
}
