import Foundation

/// A care provider's report on its own assignment: the day care actually started and, later, the
/// day it ended. The planned dates of the assignment stay as the coach recorded them.
public struct CareReportInput: Codable, Sendable {
    public var careStartedOn: String?
    public var careEndedOn: String?

    public init(careStartedOn: String? = nil, careEndedOn: String? = nil) {
        self.careStartedOn = careStartedOn
        self.careEndedOn = careEndedOn
    }

    /// - Parameters:
    ///   - reported: what the provider reported before; a field left empty keeps it.
    ///   - intake: the request's intake date: care for it cannot have started earlier.
    public func validate(reported: ValidCareReport, intake: CalendarDate, today: CalendarDate) throws(ValidationFailure) -> ValidCareReport {
        var check = Checker()
        let start = check.optionalDate(careStartedOn, "careStartedOn", label: "Start van de zorg")
        let end = check.optionalDate(careEndedOn, "careEndedOn", label: "Einde van de zorg")
        try check.finish()
        if start == nil && end == nil {
            check.fail("careStartedOn", "Vul de dag in waarop de zorg begon of eindigde.")
        }
        for (date, field, label) in [(start, "careStartedOn", "De start van de zorg"), (end, "careEndedOn", "Het einde van de zorg")] {
            guard let date else { continue }
            if date > today { check.fail(field, "\(label) ligt in de toekomst; meld het op of na die dag.") }
            if date < intake { check.fail(field, "\(label) ligt vóór het keukentafelgesprek van \(intake.dutch).") }
        }
        let newStart = start ?? reported.startedOn
        let newEnd = end ?? reported.endedOn
        if end != nil && newStart == nil {
            check.fail("careEndedOn", "Meld eerst de start van de zorg.")
        }
        if let newStart, let newEnd, newEnd < newStart {
            check.fail(end != nil ? "careEndedOn" : "careStartedOn", "Het einde van de zorg (\(newEnd.dutch)) ligt vóór de start (\(newStart.dutch)).")
        }
        try check.finish()
        return ValidCareReport(startedOn: newStart, endedOn: newEnd)
    }
}

/// The actual start and end of care, as reported by the provider.
public struct ValidCareReport: Sendable, Equatable {
    public let startedOn: CalendarDate?
    public let endedOn: CalendarDate?

    public init(startedOn: CalendarDate?, endedOn: CalendarDate?) {
        self.startedOn = startedOn
        self.endedOn = endedOn
    }
}
