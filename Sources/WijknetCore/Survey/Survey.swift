import Foundation

/// The kind of a survey question (track 2: how partners experience the collaboration).
public enum SurveyQuestionKind: String, Codable, CaseIterable, Sendable {
    /// A statement answered on the 5-point scale.
    case likert
    /// An open answer in words.
    case open

    public var label: String {
        switch self {
        case .likert: "Stelling (vijfpuntsschaal)"
        case .open: "Open vraag"
        }
    }
}

/// The 5-point Likert scale, in Dutch.
public enum Likert {
    public static let range = 1...5

    public static func label(_ value: Int) -> String {
        switch value {
        case 1: "Helemaal oneens"
        case 2: "Oneens"
        case 3: "Neutraal"
        case 4: "Eens"
        case 5: "Helemaal eens"
        default: "\(value)"
        }
    }
}

/// A new question as the analyst writes it.
public struct SurveyQuestionInput: Codable, Sendable {
    public var text: String?
    public var kind: String?

    public init(text: String? = nil, kind: String? = nil) {
        self.text = text
        self.kind = kind
    }

    public func validate() throws(ValidationFailure) -> (text: String, kind: SurveyQuestionKind) {
        var check = Checker()
        let text = check.text(text, "text", label: "Vraag", limit: 500)
        let kind = check.choice(kind, "kind", label: "Soort", as: SurveyQuestionKind.self)
        try check.finish()
        return (text!, kind!)
    }
}

/// One professional's answers to a round, as sent: the network they answer for, and per question
/// id a value (`1`–`5` for a statement, words for an open question).
public struct SurveyResponseInput: Codable, Sendable {
    public var networkId: String?
    public var answers: [String: String]?

    public init(networkId: String? = nil, answers: [String: String]? = nil) {
        self.networkId = networkId
        self.answers = answers
    }

    public struct Valid: Sendable {
        public let networkID: UUID
        public let likert: [UUID: Int]
        public let open: [UUID: String]
    }

    /// Every statement needs an answer from 1 to 5; open questions may stay empty.
    public func validate(questions: [(id: UUID, kind: SurveyQuestionKind)]) throws(ValidationFailure) -> Valid {
        var check = Checker()
        let network = check.id(networkId, "networkId", label: "Netwerk")
        var likert: [UUID: Int] = [:]
        var open: [UUID: String] = [:]
        for (n, question) in questions.enumerated() {
            let field = "answers.\(question.id.uuidString)"
            let raw = answers?[question.id.uuidString] ?? answers?[question.id.uuidString.lowercased()]
            switch question.kind {
            case .likert:
                if let value = raw.flatMap({ Int($0) }), Likert.range.contains(value) { likert[question.id] = value }
                else { check.fail(field, "Kies bij stelling \(n + 1) een antwoord van 1 tot en met 5.") }
            case .open:
                if let text = check.optionalText(raw, field, label: "Het antwoord op vraag \(n + 1)", limit: Limits.note) { open[question.id] = text }
            }
        }
        try check.finish()
        return Valid(networkID: network!, likert: likert, open: open)
    }
}

/// The results of one statement in one round, for one network or all together: how many
/// answered, how the answers spread over the scale, and the mean — through disclosure control.
public struct LikertResult: Sendable, Equatable {
    public let responses: Int
    /// Answers per scale point, 1 to 5, each nil where it is suppressed; nil as a whole when the
    /// statement has too few answers. The points are the parts of the answers shown beside them,
    /// so one hidden point never stands alone (`DisclosureControl.suppressingSecondParts`).
    public let distribution: [Int?]?
    public let mean: Disclosed<Double>

    public static func of(_ values: [Int], control: DisclosureControl = .council) -> LikertResult {
        let shown = control.count(values.count).value != nil
        let distribution = Likert.range.map { point in values.filter { $0 == point }.count }
        return LikertResult(responses: values.count, distribution: shown ? control.suppressingSecondParts(distribution).map(\.value) : nil,
                            mean: control.statistic(.mean(values.map(Double.init))))
    }
}
