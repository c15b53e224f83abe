/// A reason for the managed list, as an administrator adds it.
public struct OutsideReasonInput: Codable, Sendable {
    public var code: String?
    public var label: String?
    public var requiresText: Bool?

    public init(code: String? = nil, label: String? = nil, requiresText: Bool? = nil) {
        self.code = code
        self.label = label
        self.requiresText = requiresText
    }

    /// The code is what decisions, assignments and imports carry: short, lower case, stable.
    public func validate() throws(ValidationFailure) -> OutsideReasonOption {
        var check = Checker()
        let code = check.text(code, "code", label: "Code", limit: 40)
        if let c = code, !OutsideReasonInput.isCode(c) {
            check.fail("code", "Een code bestaat uit kleine letters, cijfers en koppeltekens, bijvoorbeeld 'expertise-dementie'.")
        }
        let label = check.text(label, "label", label: "Omschrijving", limit: 120)
        try check.finish()
        return OutsideReasonOption(code: code!, label: label!, requiresText: requiresText ?? false)
    }

    static func isCode(_ text: String) -> Bool {
        text.count >= 2 && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && text.first != "-" && text.last != "-"
    }
}

/// A change to a reason on the list: its wording, whether it asks for an explanation, and whether
/// it is still offered. The code never changes: what was recorded with it keeps meaning the same.
public struct OutsideReasonChange: Codable, Sendable {
    public var label: String?
    public var requiresText: Bool?
    public var retired: Bool?

    public init(label: String? = nil, requiresText: Bool? = nil, retired: Bool? = nil) {
        self.label = label
        self.requiresText = requiresText
        self.retired = retired
    }

    public func apply(to option: OutsideReasonOption) throws(ValidationFailure) -> OutsideReasonOption {
        var check = Checker()
        let newLabel = label == nil ? option.label : check.text(label, "label", label: "Omschrijving", limit: 120)
        try check.finish()
        return OutsideReasonOption(code: option.code, label: newLabel!, requiresText: requiresText ?? option.requiresText,
                                   retired: retired ?? option.retired)
    }
}
