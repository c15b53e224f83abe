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
        /// The second factor's code is wrong, used before, or missing.
        case wrongCode
        /// Too many attempts in a row for this name, or from this address.
        case wait(seconds: Int)
        /// Passwords are switched off: everyone signs in with single sign-on.
        case passwordsOff

        /// The answer the user sees, the same for every name.
        var message: String {
            switch self {
            case .wrongCredentials: "Gebruikersnaam of wachtwoord onjuist."
            case .wrongCode: "Deze code klopt niet of is al gebruikt. Typ de code die nu in je authenticator-app staat, of een herstelcode."
            case .wait(let seconds): "Te veel pogingen achter elkaar. Probeer het over \(seconds) seconden opnieuw."
            case .passwordsOff: "Inloggen met een wachtwoord van Wijknet staat uit. Log in met je account van de gemeente (single sign-on)."
            }
        }

        var status: HTTPResponseStatus {
            switch self {
            case .wrongCredentials, .wrongCode: .unauthorized
            case .wait: .tooManyRequests
            case .passwordsOff: .forbidden
            }
        }
    }

    static func verify(username: String, password: String, on request: Request) async throws -> User {
        guard request.application.wijknetConfig.localPasswords else { throw Failure.passwordsOff }
        let name = username.trimmingCharacters(in: .whitespaces).lowercased()
        let channel = request.auditChannel
        let user = name.isEmpty ? nil : try await User.query(on: request.db).filter(\.$username == name).first()
        if let seconds = await addressWait(request) {
            try await refuse(user, .signInDelayed, "Te veel pogingen vanaf één adres", channel, on: request.db)
            throw Failure.wait(seconds: seconds)
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
        return user
    }

    /// Takes one sign-in attempt from the address's bucket (passwords and single sign-on share
    /// it); the seconds to wait when it is empty, counted in the metrics.
    static func addressWait(_ request: Request) async -> Int? {
        let wait = await request.application.signInBuckets.take(request.remoteAddress?.ipAddress ?? "unknown", now: Date())
        guard wait > 0 else { return nil }
        request.application.metrics.refused(.signIn)
        return Int(wait.rounded(.up))
    }

    /// The second step for an account with a second factor: a code from the app or a recovery
    /// code, under the same slow-down per name as the password (the counter is reset only once
    /// both steps passed, so alternating them gains nothing).
    static func verifyCode(_ code: String, of user: User, on request: Request) async throws {
        if case .wait(let seconds) = try await SignInAttempts.claim(user.username, on: request.db) {
            try await refuse(user, .signInDelayed, "Te veel pogingen achter elkaar voor deze naam", request.auditChannel, on: request.db)
            throw Failure.wait(seconds: seconds)
        }
        guard try await SecondFactors(db: request.db, vault: request.application.vault).verify(user, code: code) else {
            try await refuse(user, .signInFailed, "Code van de tweede factor onjuist of al gebruikt", request.auditChannel, on: request.db)
            throw Failure.wrongCode
        }
    }

    /// Both steps passed: the slow-down starts over and the account's last sign-in is now.
    static func complete(_ user: User, on request: Request) async throws {
        try await SignInAttempts.reset(user.username, on: request.db)
        user.lastSignInAt = Date()
        try await user.save(on: request.db)
    }

    /// Whether this account must set up a second factor before it may do anything else; not when
    /// the identity provider asked one at this sign-in (`secondFactorByProvider`).
    static func mustEnrol(_ user: User, _ request: Request, secondFactorByProvider: Bool = false) -> Bool {
        request.application.wijknetConfig.requireSecondFactor && CasePolicy.needsSecondFactor(user.role) && !user.hasSecondFactor
            && !secondFactorByProvider
    }

    /// Logs the refusal under the account's name when it exists; a name that is no account is not
    /// kept (it may be a password typed in the wrong field).
    private static func refuse(_ user: User?, _ action: AuditAction, _ purpose: String, _ channel: AuditChannel, on db: any Database) async throws {
        let who = user.map(AuditLog.Who.init) ?? AuditLog.Who(username: "(onbekende naam)")
        try await AuditLog.appendRefusal(who, action, channel: channel, subject: "sign-in", subjectID: "", purpose: purpose, on: db)
    }

    private static let dummyHash = (try? Bcrypt.hash("not-a-real-password", cost: 12)) ?? ""
}
