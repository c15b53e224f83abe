/// A reason why care went to a provider outside the network, from the managed list.
public struct OutsideReasonOption: Hashable, Sendable, Codable {
    public let code: String
    public let label: String
    /// "Other" needs an explanation in words.
    public let requiresText: Bool
    /// A retired reason is no longer offered, but the decisions and assignments that carry it keep
    /// it and the figures still name it.
    public let retired: Bool

    public init(code: String, label: String, requiresText: Bool, retired: Bool = false) {
        self.code = code
        self.label = label
        self.requiresText = requiresText
        self.retired = retired
    }

    /// The list the seed letters name; an administrator can add to it and retire entries.
    public static let defaults: [OutsideReasonOption] = [
        .init(code: "expertise-addiction", label: "Expertise ontbreekt: verslaving", requiresText: false),
        .init(code: "expertise-culture", label: "Expertise ontbreekt: cultuursensitief werken", requiresText: false),
        .init(code: "expertise-autism", label: "Expertise ontbreekt: complexe autisme", requiresText: false),
        .init(code: "no-capacity", label: "Geen capaciteit in het netwerk", requiresText: false),
        .init(code: "resident-choice", label: "Keuze van de inwoner", requiresText: false),
        .init(code: "other", label: "Anders, namelijk", requiresText: true),
    ]

    /// The same reason, offered again: for a reason recorded earlier (history, or the meeting's
    /// decision), which stays valid after the reason was retired.
    public var inUse: OutsideReasonOption { OutsideReasonOption(code: code, label: label, requiresText: requiresText) }

    /// How an absent reason reads: care outside the network whose reason was never recorded (the
    /// direct route, history from before the network, an assignment without a meeting's decision).
    public static let notRecordedLabel = "Niet vastgelegd"
}

/// A reason that passed the rule below.
public struct OutsideReasonChoice: Hashable, Sendable {
    public let code: String
    public let text: String?

    public init(code: String, text: String?) {
        self.code = code
        self.text = text
    }
}

public enum OutsideReasonRule {
    /// Care outside the network carries a reason from the list (with text where the reason asks
    /// for it); care inside the network carries none.
    ///
    /// - Parameter required: whether the process asks for the reason here. Only the meeting's
    ///   decision to place care outside the network does; elsewhere an absent reason is recorded as
    ///   "niet vastgelegd", and a reason that is given is still checked.
    public static func check(inside: Bool, code: String?, text: String?, options: [OutsideReasonOption], required: Bool,
                             field: String, into check: inout Checker) -> OutsideReasonChoice? {
        guard !inside else { return nil }
        guard let code, !code.isEmpty else {
            if required { check.fail(field, "Deze aanbieder hoort niet bij het wijknetwerk: kies een reden.") }
            return nil
        }
        guard let option = options.first(where: { $0.code == code }) else {
            check.fail(field, "Onbekende reden '\(code.prefix(40))'.")
            return nil
        }
        if option.retired {
            check.fail(field, "De reden '\(option.label)' is niet meer in gebruik: kies een andere.")
            return nil
        }
        let explanation = check.optionalText(text, field + "Text", label: "Toelichting", limit: Limits.note)
        if option.requiresText && explanation == nil {
            check.fail(field + "Text", "Licht de reden '\(option.label)' toe.")
            return nil
        }
        return OutsideReasonChoice(code: code, text: explanation)
    }
}
