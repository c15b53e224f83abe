import Testing
@testable import WijknetCore

@Suite struct SignInBackoffTests {
    @Test func theFirstAttemptsAreFreeThenTheWaitDoublesUpToFiveMinutes() {
        let waits = (1...16).map { SignInBackoff.delay(afterAttempt: $0) }
        #expect(waits == [0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300])
        #expect(SignInBackoff.delay(afterAttempt: Int.max) == 300)
    }

    @Test func theTableForSQLHoldsEveryWaitBelowTheMaximum() {
        #expect(SignInBackoff.delays.map(\.attempt) == Array(5...13))
        #expect(SignInBackoff.delays.allSatisfy { SignInBackoff.delay(afterAttempt: $0.attempt) == $0.seconds })
    }
}
