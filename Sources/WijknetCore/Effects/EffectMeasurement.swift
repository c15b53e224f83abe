import Foundation

/// What an effect measurement measures. The resident questionnaire now; the ZRM (issue 5) scores
/// its 13 domains on the same 1–5 scale and fits the same shape: items with a score per moment.
public enum EffectMeasure: String, Codable, CaseIterable, Sendable {
    case questionnaire
    /// The ZRM 2017 levels per domain: the first assessment against the first one at least the
    /// follow-up period later.
    case zrm

    public var label: String {
        switch self {
        case .questionnaire: "Vragenlijst inwoner"
        case .zrm: "Zelfredzaamheid (ZRM)"
        }
    }

    /// The items of the measure, with their Dutch wording.
    public var items: [(key: String, text: String)] {
        switch self {
        case .questionnaire: ResidentQuestion.allCases.map { ($0.rawValue, $0.text) }
        case .zrm: LifeDomain.allCases.map { ($0.rawValue, $0.label) }
        }
    }
}

/// When it was measured: at intake, or after the follow-up period.
public enum EffectMoment: String, Codable, CaseIterable, Sendable {
    case intake
    case followUp

    public var label: String {
        switch self {
        case .intake: "Bij de aanvraag"
        case .followUp: "Na de vervolgperiode"
        }
    }
}

/// The short questionnaire a coach goes through with the resident (track 3: effects for
/// residents), each answered from 1 (helemaal niet) to 5 (helemaal wel); higher is better.
public enum ResidentQuestion: String, CaseIterable, Sendable {
    case dailyLife, support, finances, health, direction

    public var text: String {
        switch self {
        case .dailyLife: "Ik kan mijn dagelijkse dingen zelf regelen."
        case .support: "Ik heb mensen om me heen bij wie ik terecht kan."
        case .finances: "Ik kan rondkomen met mijn geld."
        case .health: "Ik voel me lichamelijk en geestelijk goed."
        case .direction: "Ik weet waar ik met mijn vragen terecht kan."
        }
    }

    public static func scaleLabel(_ value: Int) -> String {
        switch value {
        case 1: "Helemaal niet"
        case 2: "Nauwelijks"
        case 3: "Een beetje"
        case 4: "Grotendeels"
        case 5: "Helemaal wel"
        default: "\(value)"
        }
    }
}

/// A measurement as the coach enters it.
public struct EffectMeasurementInput: Codable, Sendable {
    public var moment: String?
    public var date: String?
    /// Per item key, `1`–`5`.
    public var scores: [String: String]?

    public init(moment: String? = nil, date: String? = nil, scores: [String: String]? = nil) {
        self.moment = moment
        self.date = date
        self.scores = scores
    }

    public struct Valid: Sendable, Equatable {
        public let moment: EffectMoment
        public let date: CalendarDate
        public let scores: [String: Int]
    }

    /// Every item needs a score from 1 to 5; the date may not lie in the future.
    public func validate(_ measure: EffectMeasure, today: CalendarDate) throws(ValidationFailure) -> Valid {
        var check = Checker()
        let moment = check.choice(moment, "moment", label: "Moment", as: EffectMoment.self)
        var date = check.date(date, "date", label: "Datum")
        if let d = date, d > today {
            check.fail("date", "De datum ligt in de toekomst.")
            date = nil
        }
        var valid: [String: Int] = [:]
        for (n, item) in measure.items.enumerated() {
            if let value = score(item.key), (1...5).contains(value) { valid[item.key] = value }
            else { check.fail("scores.\(item.key)", "Kies bij vraag \(n + 1) een antwoord van 1 tot en met 5.") }
        }
        try check.finish()
        return Valid(moment: moment!, date: date!, scores: valid)
    }

    private func score(_ key: String) -> Int? { scores?[key].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
}
