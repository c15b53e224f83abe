import Foundation

/// A partner's answer to a request routed directly to its organisation: accept it, or decline it
/// with a reason, which sends it back to the coach.
public struct DirectResponseInput: Codable, Sendable {
    public var accepted: Bool?
    public var reason: String?
    public var reasonText: String?

    public init(accepted: Bool? = nil, reason: String? = nil, reasonText: String? = nil) {
        self.accepted = accepted
        self.reason = reason
        self.reasonText = reasonText
    }

    public func validate() throws(ValidationFailure) -> DirectResponse {
        guard let accepted else { throw ValidationFailure("accepted", "Kies of je het verzoek accepteert of afwijst.") }
        if accepted { return .accept }
        var check = Checker()
        let reason = check.choice(reason, "reason", label: "Reden van afwijzen", as: DeclineReason.self)
        let text = reason?.needsText == true
            ? check.text(reasonText, "reasonText", label: "Toelichting")
            : check.optionalText(reasonText, "reasonText", label: "Toelichting")
        try check.finish()
        return .decline(reason!, text: text)
    }
}

public enum DirectResponse: Sendable, Equatable {
    case accept
    case decline(DeclineReason, text: String?)
}
