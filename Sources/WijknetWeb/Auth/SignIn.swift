import Fluent
import Vapor
import WijknetStore

/// Checks a username and password, with a lock-out after repeated failures.
enum SignIn {
    static let maxFailures = 5
    static let lockMinutes = 15

    enum Failure: Error {
        case wrongCredentials
        case locked(until: Date)
    }

    static func verify(username: String, password: String, on request: Request) async throws -> User {
        guard let user = try await User.query(on: request.db).filter(\.$username == username.lowercased()).first() else {
            // Spend the same time as for a real user, so response times do not tell which names exist.
            _ = try? await request.password.async.verify(password, created: dummyHash)
            throw Failure.wrongCredentials
        }
        if let until = user.lockedUntil, until > Date() { throw Failure.locked(until: until) }
        guard try await request.password.async.verify(password, created: user.passwordHash) else {
            user.failedLogins += 1
            if user.failedLogins >= maxFailures {
                user.lockedUntil = Date().addingTimeInterval(Double(lockMinutes * 60))
                user.failedLogins = 0
            }
            try await user.save(on: request.db)
            throw Failure.wrongCredentials
        }
        if user.failedLogins != 0 || user.lockedUntil != nil {
            user.failedLogins = 0
            user.lockedUntil = nil
            try await user.save(on: request.db)
        }
        return user
    }

    private static let dummyHash = (try? Bcrypt.hash("not-a-real-password", cost: 12)) ?? ""
}
