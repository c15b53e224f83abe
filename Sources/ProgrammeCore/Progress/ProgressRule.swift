import WijknetCore

/// The one rule that gives an opgave its status in a letter, from its milestones and its key
/// indicators. The definitions page quotes `explanation`; every status carries the facts that
/// produced it, so the reader can check it.
public enum ProgressRule {
    /// A milestone this many days past its deadline, still unreached, puts an opgave behind on its own.
    public static let longLateDays = 92

    public static let explanation = [
        "Achter op schema: twee of meer mijlpalen zijn te laat, of één mijlpaal is meer dan een kwartaal (\(longLateDays) dagen) over zijn datum.",
        "Aandacht nodig: één mijlpaal is te laat, een mijlpaal heeft risico op vertraging, of een kernindicator is in de laatste periode verslechterd.",
        "Op koers: geen van beide.",
        "Een mijlpaal is te laat als zijn datum (bij een kwartaal: de laatste dag ervan) voorbij is en hij niet is behaald, wat er ook gemeld is.",
        "Medewerkers kunnen de status met een reden aanpassen; de brief toont dan beide.",
    ]

    /// The status of an opgave on `day` (the last day of the letter's quarter) and why.
    public static func assess(milestones: [Milestone], keyIndicators: [IndicatorSeries], on day: CalendarDate) -> (status: ProgressStatus, reasons: [String]) {
        var reasons: [String] = []
        var late = 0, longLate = false, attention = false
        for milestone in milestones {
            switch milestone.state(on: day) {
            case .late:
                late += 1
                let days = milestone.planned.deadline.days(until: day)
                if days > longLateDays { longLate = true }
                reasons.append("Mijlpaal ‘\(milestone.title)’ is te laat: gepland \(milestone.planned.dutch), nog niet behaald (\(days) dagen over de datum).")
            case .atRisk:
                attention = true
                reasons.append("Mijlpaal ‘\(milestone.title)’ heeft risico op vertraging (gepland \(milestone.planned.dutch)).")
            case .onSchedule, .done:
                continue
            }
        }
        for series in keyIndicators where series.lastMovement == .worse {
            attention = true
            let values = series.values.suffix(2).map { "\($0.value.dutch) \(series.definition.unit)" }
            reasons.append("Kernindicator ‘\(series.definition.name)’ is verslechterd: van \(values[0]) naar \(values[1]) (\(series.latest!.period.dutch)).")
        }
        if late >= 2 || longLate { return (.behind, reasons) }
        if late == 1 || attention { return (.attention, reasons) }
        return (.onTrack, ["Geen mijlpaal te laat of met risico op vertraging, en geen kernindicator verslechterd."])
    }
}

/// What the letter shows for an opgave: the rule's status with its reasons, and staff's own
/// status with its reason when they set one.
public struct ProgressAssessment: Sendable, Equatable {
    public let derived: ProgressStatus
    public let reasons: [String]
    public let override: ProgressOverride?

    public init(derived: ProgressStatus, reasons: [String], override: ProgressOverride?) {
        self.derived = derived
        self.reasons = reasons
        self.override = override
    }

    /// The status the letter leads with.
    public var shown: ProgressStatus { override?.status ?? derived }
}

/// Staff's status for an opgave instead of the rule's, with their reason (required).
public struct ProgressOverride: Sendable, Equatable, Codable {
    public let status: ProgressStatus
    public let reason: String

    public init(status: ProgressStatus, reason: String) {
        self.status = status
        self.reason = reason
    }
}
