import Testing
@testable import ProgrammeCore
@testable import WijknetCore

/// Milestones (issue 17): their state follows the calendar, and bad input is refused in Dutch.
@Suite struct MilestoneTests {
    let start = CalendarDate("2026-01-01")!

    @Test func theCalendarMakesAMilestoneLateWhateverWasReported() {
        let milestone = Milestone(title: "Sociaal gebiedsplan Rijnpark", planned: PlannedMoment("2026Q2")!, reported: .onSchedule)
        #expect(milestone.planned.deadline == CalendarDate("2026-06-30"))
        #expect(milestone.state(on: CalendarDate("2026-06-30")!) == .onSchedule)
        #expect(milestone.state(on: CalendarDate("2026-07-01")!) == .late)
        var reached = milestone
        reached.reached = CalendarDate("2026-07-15")
        #expect(reached.state(on: CalendarDate("2026-07-10")!) == .late, "not yet reached on that day")
        #expect(reached.state(on: CalendarDate("2026-07-15")!) == .done)
        #expect(reached.reachedLate)
    }

    @Test func badMilestonesAreRefusedWithEveryReason() {
        let today = CalendarDate("2026-03-24")!
        #expect(throws: ValidationFailure.self) { try MilestoneInput(title: "x", planned: "2025Q4").validated(initiativeStart: start, today: today) }
        do {
            _ = try MilestoneInput(title: "", planned: "2026Q5", reached: "2027-01-01", reported: "klaar").validated(initiativeStart: start, today: today)
            Issue.record("accepted")
        } catch {
            #expect(Set(error.errors.map(\.field)) == ["title", "planned", "reached", "reported"])
            #expect(error.message(for: "reached") == "De datum behaald ligt in de toekomst.")
        }
        do {
            _ = try MilestoneInput(title: "Herkansingsroute", planned: "2025-12-15").validated(initiativeStart: CalendarDate("2025-10-01")!, today: today)
            Issue.record("a late milestone without a reason was accepted")
        } catch {
            #expect(error.message(for: "lateReason") == "De mijlpaal is te laat: geef de reden.")
        }
        #expect(throws: ValidationFailure.self) { try MilestoneInput(title: "x", planned: "2026Q3", reported: "done").validated(initiativeStart: start, today: today) }
        let fine = try? MilestoneInput(title: "Wet proactieve dienstverlening", planned: "2026-10-01", reported: "atRisk").validated(initiativeStart: start, today: today)
        #expect(fine?.reported == .atRisk && fine?.planned == .date(CalendarDate("2026-10-01")!))
    }
}
