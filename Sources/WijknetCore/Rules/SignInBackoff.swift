/// How sign-in slows down after failed attempts, per account name. Not a lock-out: a lock-out
/// lets anyone shut a colleague out for a quarter of an hour with five guesses. Instead every
/// attempt from the fifth in a row on makes the next one wait, doubling up to five minutes: a
/// user who mistyped waits seconds, a guesser gets a few hundred tries a day at most.
///
/// The same rule holds for names that do not exist, so the answers never tell which do.
public enum SignInBackoff {
    /// Attempts in a row without a wait.
    public static let freeAttempts = 4
    public static let maximumDelay = 300

    /// The seconds the `attempt`-th attempt in a row (counting from 1) makes the next one wait.
    public static func delay(afterAttempt attempt: Int) -> Int {
        guard attempt > freeAttempts else { return 0 }
        let doublings = attempt - freeAttempts - 1
        return doublings >= 9 ? maximumDelay : min(maximumDelay, 1 << doublings)
    }

    /// The attempt counts whose delay differs from the maximum, for a lookup in SQL.
    public static var delays: [(attempt: Int, seconds: Int)] {
        var table: [(Int, Int)] = []
        var attempt = freeAttempts + 1
        while delay(afterAttempt: attempt) < maximumDelay {
            table.append((attempt, delay(afterAttempt: attempt)))
            attempt += 1
        }
        return table
    }
}
