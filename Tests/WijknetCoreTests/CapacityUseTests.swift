import Testing
@testable import WijknetCore

@Suite struct CapacityUseTests {
    @Test func onlyRunningAssignmentsCountAndAboveTheAgreementWarns() {
        let day = CalendarDate("2026-06-10")!
        let hours = CapacityUse.runningHours(on: day, [
            (CalendarDate("2026-01-01")!, nil, 3),
            (CalendarDate("2026-06-10")!, CalendarDate("2026-06-10")!, 2.5),   // starts and ends on the day: runs
            (CalendarDate("2026-06-11")!, nil, 10),                          // not yet
            (CalendarDate("2026-01-01")!, CalendarDate("2026-06-09")!, 4),   // ended the day before
        ])
        #expect(hours == 5.5)
        #expect(CapacityUse(agreedHours: 5, runningHours: hours).isOver)
        #expect(CapacityUse(agreedHours: 5.5, runningHours: hours).share == 1 && !CapacityUse(agreedHours: 5.5, runningHours: hours).isOver)
        #expect(CapacityUse(agreedHours: nil, runningHours: 40).share == nil && !CapacityUse(agreedHours: nil, runningHours: 40).isOver)
    }
}
