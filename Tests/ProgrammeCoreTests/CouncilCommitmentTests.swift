import Testing
@testable import ProgrammeCore
@testable import WijknetCore

/// Motions and promises (issue 17): numbered as the council numbers them, never twice, and due.
@Suite struct CouncilCommitmentTests {
    @Test func motionNumbersAreTheCouncilsAndUnique() {
        #expect(CouncilCommitment.isMotionNumber("25M156"))
        for wrong in ["25M15", "25X156", "2025M156", "25m156x", "AAM156"] { #expect(!CouncilCommitment.isMotionNumber(wrong), "\(wrong)") }
        let motion = try? CommitmentInput(kind: "motion", number: "25m220", title: "Garandeer tandartszorg voor lage inkomens", adopted: "2025-11-06",
                                          due: "2026-06-30").validated(taken: ["25M156"])
        #expect(motion?.number == "25M220" && motion?.status == .open)
        do {
            _ = try CommitmentInput(kind: "motion", number: "25M156", title: "Dubbel", adopted: "2025-11-06", due: "2025-01-01").validated(taken: ["25M156"])
            Issue.record("accepted")
        } catch {
            #expect(error.message(for: "number") == "Nummer 25M156 staat al in het register.")
            #expect(error.message(for: "due") != nil)
        }
    }

    @Test func dueAndOverdueFollowTheQuarter() {
        let meedoen = CouncilCommitment(kind: .motion, number: "25M238", title: "Maatschappelijk Meedoen Budget", adopted: CalendarDate("2025-11-06")!,
                                        due: CalendarDate("2026-06-30")!, status: .open)
        #expect(!meedoen.isDue(in: .quarter(2026, 1)!) && meedoen.isDue(in: .quarter(2026, 2)!))
        #expect(!meedoen.isOverdue(on: CalendarDate("2026-06-30")!) && meedoen.isOverdue(on: CalendarDate("2026-07-01")!))
        var answered = meedoen
        answered.status = .answered
        #expect(!answered.isOverdue(on: CalendarDate("2027-01-01")!) && !answered.isDue(in: .quarter(2026, 2)!))
    }
}
