import Foundation

/// An assignment (toewijzing) of indicated care to a provider, before validation.
public struct AssignmentInput: Codable, Sendable {
    public var law: String?
    public var productId: String?
    public var providerId: String?
    public var hoursPerWeek: Double?
    public var startDate: String?
    public var endDate: String?
    public var kind: String?
    /// For an extension or change: the assignment it continues.
    public var previousAssignmentId: String?
    public var outsideReason: String?
    public var outsideReasonText: String?

    public init(law: String? = nil, productId: String? = nil, providerId: String? = nil, hoursPerWeek: Double? = nil,
                startDate: String? = nil, endDate: String? = nil, kind: String? = nil, previousAssignmentId: String? = nil,
                outsideReason: String? = nil, outsideReasonText: String? = nil) {
        self.law = law
        self.productId = productId
        self.providerId = providerId
        self.hoursPerWeek = hoursPerWeek
        self.startDate = startDate
        self.endDate = endDate
        self.kind = kind
        self.previousAssignmentId = previousAssignmentId
        self.outsideReason = outsideReason
        self.outsideReasonText = outsideReasonText
    }

    /// Checks the shape of the input: required fields, dates in order, hours in range.
    /// References are checked by `AssignmentRules.check` once the store has looked them up.
    public func validateShape(requestLaw: LawScope) throws(ValidationFailure) -> AssignmentDraft {
        var check = Checker()
        var law = check.choice(law, "law", label: "Wet", as: Law.self)
        if let l = law, !requestLaw.includes(l) {
            check.fail("law", "Dit verzoek valt niet onder de \(l.label).")
            law = nil
        }
        let product = check.id(productId, "productId", label: "Product")
        let provider = check.id(providerId, "providerId", label: "Aanbieder")
        var hours: Double?
        if let h = hoursPerWeek {
            if let problem = HoursPerWeek.problem(h) { check.fail("hoursPerWeek", problem) } else { hours = h }
        } else {
            check.fail("hoursPerWeek", "Uren per week is verplicht.")
        }
        let start = check.date(startDate, "startDate", label: "Startdatum")
        var end = check.optionalDate(endDate, "endDate", label: "Einddatum")
        if let s = start, let e = end, e < s {
            check.fail("endDate", "De einddatum ligt vóór de startdatum.")
            end = nil
        }
        let kind = check.choice(kind ?? AssignmentKind.first.rawValue, "kind", label: "Soort toewijzing", as: AssignmentKind.self)
        var previous: UUID?
        if let k = kind, k.continuesEarlierAssignment {
            previous = check.id(previousAssignmentId, "previousAssignmentId", label: "Eerdere toewijzing")
        }
        try check.finish()
        return AssignmentDraft(law: law!, productID: product!, providerID: provider!, hoursPerWeek: hours!,
                               start: start!, end: end, kind: kind!, previousAssignmentID: previous,
                               outsideReason: outsideReason, outsideReasonText: outsideReasonText)
    }
}

/// An assignment whose shape is valid, waiting for its references to be checked.
public struct AssignmentDraft: Sendable {
    public let law: Law
    public let productID: UUID
    public let providerID: UUID
    public let hoursPerWeek: Double
    public let start: CalendarDate
    public let end: CalendarDate?
    public let kind: AssignmentKind
    public let previousAssignmentID: UUID?
    let outsideReason: String?
    let outsideReasonText: String?
    /// The reason came from the meeting's decision, which may use a reason retired since.
    var reasonFromDecision = false

    /// A first assignment that carries out the meeting's decision to place care outside the
    /// network records the reason of that decision, unless the coach gave one.
    public func carrying(decidedReason decided: OutsideReasonChoice?) -> AssignmentDraft {
        guard kind == .first, let decided, (outsideReason ?? "").isEmpty else { return self }
        return AssignmentDraft(law: law, productID: productID, providerID: providerID, hoursPerWeek: hoursPerWeek, start: start,
                               end: end, kind: kind, previousAssignmentID: previousAssignmentID,
                               outsideReason: decided.code, outsideReasonText: decided.text, reasonFromDecision: true)
    }
}

/// What the store found for an assignment's references.
public struct AssignmentContext: Sendable {
    public let productLaw: Law?
    public let providerKind: OrganisationKind?
    public let providerInside: Bool
    /// The law of the earlier assignment, when one was named and found on the same request.
    public let previousLaw: Law??

    public init(productLaw: Law?, providerKind: OrganisationKind?, providerInside: Bool, previousLaw: Law??) {
        self.productLaw = productLaw
        self.providerKind = providerKind
        self.providerInside = providerInside
        self.previousLaw = previousLaw
    }
}

public struct ValidAssignment: Sendable {
    public let draft: AssignmentDraft
    public let insideNetwork: Bool
    public let outsideReason: OutsideReasonChoice?
}

public enum AssignmentRules {
    public static func check(_ draft: AssignmentDraft, context: AssignmentContext, reasons: [OutsideReasonOption]) throws(ValidationFailure) -> ValidAssignment {
        var check = Checker()
        switch context.productLaw {
        case nil: check.fail("productId", "Dit product is onbekend.")
        case let law? where law != draft.law: check.fail("productId", "Dit product hoort bij de \(law.label), niet bij de \(draft.law.label).")
        default: break
        }
        switch context.providerKind {
        case nil: check.fail("providerId", "Deze aanbieder is onbekend.")
        case let kind? where !kind.provides(draft.law): check.fail("providerId", "Deze organisatie levert geen geïndiceerde zorg onder de \(draft.law.label).")
        default: break
        }
        if draft.kind.continuesEarlierAssignment {
            switch context.previousLaw {
            case nil, .some(nil): check.fail("previousAssignmentId", "De eerdere toewijzing hoort niet bij dit verzoek.")
            case let .some(.some(law)) where law != draft.law: check.fail("previousAssignmentId", "De eerdere toewijzing valt onder een andere wet.")
            default: break
            }
        }
        // A reason belongs to first assignments at a known provider only: a follow-up keeps the
        // provider of the first, and an unknown provider is already an error of its own. It is not
        // required here: the meeting's decision asks for it, and the store carries it over.
        // A reason carried over from the decision was valid when the meeting gave it.
        let options = draft.reasonFromDecision ? reasons.map(\.inUse) : reasons
        let reason = draft.kind == .first && context.providerKind != nil
            ? OutsideReasonRule.check(inside: context.providerInside, code: draft.outsideReason, text: draft.outsideReasonText,
                                      options: options, required: false, field: "outsideReason", into: &check)
            : nil
        try check.finish()
        return ValidAssignment(draft: draft, insideNetwork: context.providerInside, outsideReason: reason)
    }
}
