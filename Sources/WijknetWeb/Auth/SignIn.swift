import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// Checks a username and password. Sign-in slows down rather than locks (`SignInBackoff`), per
/// account name in the database and per address in this instance's memory. An unknown name, a
/// wrong password and a slowed-down name answer alike: the same message and, because a password
/// is always checked against some hash, the same time. Every refusal is in the audit log.
enum SignIn {
    enum Failure: Error {
        case wrongCredentials
        /// Too many attempts in a row for this name, or from this address.
        case wait(seconds: Int)

        /// The answer the user sees, the same for every name.
        var message: String {
            switch self {
            case .wrongCredentials: "Gebruikersnaam of wachtwoord onjuist."
            case .wait(let seconds): "Te veel pogingen achter elkaar. Probeer het over \(seconds) seconden opnieuw."
            }
        }
    }

    static func verify(username: String, password: String, on request: Request) async throws -> User {
        let name = username.trimmingCharacters(in: .whitespaces).lowercased()
        let channel = request.auditChannel
        let user = name.isEmpty ? nil : try await User.query(on: request.db).filter(\.$username == name).first()
        let addressWait = await request.application.signInBuckets.take(request.remoteAddress?.ipAddress ?? "unknown", now: Date())
        if addressWait > 0 {
            try await refuse(user, .signInDelayed, "Te veel pogingen vanaf één adres", channel, on: request.db)
            throw Failure.wait(seconds: Int(addressWait.rounded(.up)))
        }
        if case .wait(let seconds) = try await SignInAttempts.claim(name, on: request.db) {
            try await refuse(user, .signInDelayed, "Te veel pogingen achter elkaar voor deze naam", channel, on: request.db)
            throw Failure.wait(seconds: seconds)
        }
        // Without an account the password is checked against a hash of the same cost, so the
        // time taken does not tell which names exist.
        let matches = try await request.password.async.verify(password, created: user?.passwordHash ?? dummyHash)
        // A deactivated account answers as a wrong password: nothing tells it apart.
        guard let user, matches, user.isActive else {
            try await refuse(user, .signInFailed, "Gebruikersnaam of wachtwoord onjuist", channel, on: request.db)
            throw Failure.wrongCredentials
        }
        try await SignInAttempts.reset(name, on: request.db)
        user.lastSignInAt = Date()
        try await user.save(on: request.db)
        return user
    }

    /// Logs the refusal under the account's name when it exists; a name that is no account is not
    /// kept (it may be a password typed in the wrong field).
    private static func refuse(_ user: User?, _ action: AuditAction, _ purpose: String, _ channel: AuditChannel, on db: any Database) async throws {
        let who = user.map(AuditLog.Who.init) ?? AuditLog.Who(username: "(onbekende naam)")
        try await AuditLog.appendRefusal(who, action, channel: channel, subject: "sign-in", subjectID: "", purpose: purpose, on: db)
    }

    private static let dummyHash = (try? Bcrypt.hash("not-a-real-password", cost: 12)) ?? ""
}
