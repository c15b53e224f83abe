import Foundation

/// The decision on a request: one or more outcomes and who picks each up.
public struct DecisionInput: Codable, Sendable {
    public var outcomes: [OutcomeInput]?
    public var note: String?
    /// For a request on a meeting's agenda: the version the chair read, to catch concurrent edits.
    public var version: Int?

    public init(outcomes: [OutcomeInput]? = nil, note: String? = nil, version: Int? = nil) {
        self.outcomes = outcomes
        self.note = note
        self.version = version
    }
}

public struct OutcomeInput: Codable, Sendable {
    public var kind: String?
    /// Who picks it up: the welfare partner or the care provider.
    public var organisationId: String?
    /// For welfare: the activity or group offer.
    public var activity: String?
    public var note: String?
    public var outsideReason: String?
    public var outsideReasonText: String?

    public init(kind: String? = nil, organisationId: String? = nil, activity: String? = nil, note: String? = nil,
                outsideReason: String? = nil, outsideReasonText: String? = nil) {
        self.kind = kind
        self.organisationId = organisationId
        self.activity = activity
        self.note = note
        self.outsideReason = outsideReason
        self.outsideReasonText = outsideReasonText
    }
}

/// A decision whose shape is valid; whether each organisation exists and is inside the network
/// is settled by `DecisionInput.validate(placement:)`.
public struct ValidDecision: Sendable {
    public let outcomes: [ValidOutcome]
    public let note: String?
    public let version: Int?
}

public struct ValidOutcome: Sendable, Equatable {
    public let kind: OutcomeKind
    public let organisationID: UUID?
    public let activity: String?
    public let note: String?
    public let insideNetwork: Bool?
    public let outsideReason: OutsideReasonChoice?
}

extension DecisionInput {
    /// The organisations named in the outcomes, so the caller can look them up in one go.
    public var organisationIDs: [UUID] {
        (outcomes ?? []).compactMap { $0.organisationId.flatMap(UUID.init(uuidString:)) }
    }

    /// - Parameter placement: for an organisation id, whether it exists and whether it is inside
    ///   the network on the decision date (nil when unknown).
    /// - Parameter byMeeting: whether the network meeting decides; only its decision to place care
    ///   outside the network must say why (`OutsideReasonRule`).
    public func validate(placement: (UUID) -> Bool?, reasons: [OutsideReasonOption], byMeeting: Bool) throws(ValidationFailure) -> ValidDecision {
        var check = Checker()
        let list = outcomes ?? []
        if list.isEmpty { check.fail("outcomes", "Kies minstens één uitkomst.") }
        var valid: [ValidOutcome] = []
        for (i, outcome) in list.enumerated() {
            let prefix = "outcomes[\(i)]."
            guard let kind = check.choice(outcome.kind, prefix + "kind", label: "Uitkomst", as: OutcomeKind.self) else { continue }
            let note = check.optionalText(outcome.note, prefix + "note", label: "Notitie", limit: Limits.note)
            var organisation: UUID?
            var inside: Bool?
            var reason: OutsideReasonChoice?
            var activity: String?
            switch kind {
            case .welfare, .indicatedCare:
                organisation = check.id(outcome.organisationId, prefix + "organisationId", label: "Wie pakt het op")
                if let id = organisation {
                    if let isInside = placement(id) {
                        inside = isInside
                    } else {
                        check.fail(prefix + "organisationId", "Deze organisatie is onbekend.")
                    }
                }
                if kind == .welfare {
                    activity = check.text(outcome.activity, prefix + "activity", label: "Activiteit")
                }
                if kind == .indicatedCare, let isInside = inside {
                    reason = OutsideReasonRule.check(inside: isInside, code: outcome.outsideReason, text: outcome.outsideReasonText,
                                                     options: reasons, required: byMeeting, field: prefix + "outsideReason", into: &check)
                }
            case .ownNetwork, .coachSupport:
                break
            }
            valid.append(ValidOutcome(kind: kind, organisationID: organisation, activity: activity, note: note,
                                      insideNetwork: inside, outsideReason: reason))
        }
        let note = check.optionalText(note, "note", label: "Notitie", limit: Limits.note)
        try check.finish()
        return ValidDecision(outcomes: valid, note: note, version: version)
    }
}
