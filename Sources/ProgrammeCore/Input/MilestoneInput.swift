import WijknetCore

/// A milestone as a form or the API sends it.
public struct MilestoneInput: Codable, Sendable {
    public var title: String?
    /// `2026-06-30` or `2026Q3`.
    public var planned: String?
    public var reached: String?
    public var reported: String?
    public var lateReason: String?

    public init(title: String? = nil, planned: String? = nil, reached: String? = nil, reported: String? = nil, lateReason: String? = nil) {
        self.title = title
        self.planned = planned
        self.reached = reached
        self.reported = reported
        self.lateReason = lateReason
    }

    /// The milestone of an initiative that starts on `initiativeStart`, as of `today`.
    public func validated(initiativeStart: CalendarDate, today: CalendarDate) throws(ValidationFailure) -> Milestone {
        var check = Checker()
        let title = check.text(title, "title", label: "De naam van de mijlpaal")
        var planned: PlannedMoment?
        if let text = self.planned, !text.isEmpty {
            planned = PlannedMoment(text)
            if planned == nil { check.fail("planned", "De planning is geen datum (jjjj-mm-dd) of kwartaal (zoals 2026Q3).") }
        } else {
            check.fail("planned", "De planning is verplicht: een datum of een kwartaal.")
        }
        if let planned, planned.deadline < initiativeStart {
            check.fail("planned", "De mijlpaal ligt vóór de start van het initiatief (\(initiativeStart.dutch)).")
        }
        let reached = check.optionalDate(reached, "reached", label: "De datum behaald")
        if let reached, reached < initiativeStart {
            check.fail("reached", "De datum behaald ligt vóór de start van het initiatief (\(initiativeStart.dutch)).")
        }
        if let reached, reached > today { check.fail("reached", "De datum behaald ligt in de toekomst.") }
        let reported = reported.map { $0.isEmpty ? MilestoneState.onSchedule.rawValue : $0 } ?? MilestoneState.onSchedule.rawValue
        let state = check.choice(reported, "reported", label: "De stand", as: MilestoneState.self)
        if state == .done && reached == nil { check.fail("reached", "Een behaalde mijlpaal heeft een datum behaald.") }
        let reason = check.optionalText(lateReason, "lateReason", label: "De reden van vertraging", limit: Limits.note)
        let lateOnDay = planned.map { today > $0.deadline && reached == nil } ?? false
        if (state == .late || lateOnDay) && reason == nil {
            check.fail("lateReason", "De mijlpaal is te laat: geef de reden.")
        }
        try check.finish()
        return Milestone(title: title!, planned: planned!, reached: reached, reported: state == .done ? .onSchedule : state!, lateReason: reason)
    }
}
