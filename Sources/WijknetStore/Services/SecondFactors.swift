import Fluent
import Foundation
import SQLKit
import WijknetCore

/// An account's second factor: a TOTP secret (RFC 6238) the user's authenticator app holds, and
/// ten single-use recovery codes. The secret is sealed with the data key, like a BSN; the
/// recovery codes are kept as SHA-256 only. A code, of either kind, works once.
public struct SecondFactors: Sendable {
    let db: any Database
    let vault: BSNVault

    public init(db: any Database, vault: BSNVault) {
        self.db = db
        self.vault = vault
    }

    public static let issuer = "Wijknet"
    public static let recoveryCodeCount = 10

    /// The address an authenticator app reads from the QR code (Google's Key Uri Format).
    public static func address(secret: [UInt8], username: String) -> String {
        let label = "\(issuer):\(username)".addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_:"))) ?? issuer
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(issuer)&algorithm=SHA1&digits=\(TOTP.digits)&period=\(TOTP.stepSeconds)"
    }

    // MARK: enrolment

    /// The secret waiting for its first code; a new one when there is none. The old secret, if
    /// any, keeps working until the new one is confirmed.
    public func pending(_ user: User) async throws -> [UInt8] {
        if let sealed = user.totpPendingSecret, let secret = Base32.decode(try vault.open(text: sealed)) { return secret }
        let secret = TOTP.newSecret()
        user.totpPendingSecret = try vault.seal(text: Base32.encode(secret))
        try await user.save(on: db)
        return secret
    }

    /// Switches the second factor on with the first code from the app; returns the recovery codes,
    /// which are shown this once.
    public func confirm(_ user: User, code: String, at now: Date = Date(), channel: AuditChannel) async throws -> [String] {
        guard let sealed = user.totpPendingSecret, let secret = Base32.decode(try vault.open(text: sealed)) else {
            throw StoreError.notAllowed(message: "Begin opnieuw met het instellen van de tweede factor.")
        }
        guard let step = TOTP.matchingStep(Self.digits(code), secret: secret, at: now) else {
            throw StoreError.invalid(ValidationFailure("code", "Deze code klopt niet. Kijk of de klok van je telefoon goed staat en typ de code die nu in de app staat."))
        }
        let codes = (0..<Self.recoveryCodeCount).map { _ in Self.newRecoveryCode() }
        try await db.transaction { db in
            try await Self.replace(user, secret: sealed, enabledAt: now, lastStep: step, on: db)
            for code in codes { try await RecoveryCode(userID: try user.requireID(), codeHash: TokenSecret.hash(Self.normalised(code))).create(on: db) }
            try await AuditTrail(actor: try Self.actor(user), channel: channel)
                .record(.update, "account", user.id, residents: [], purpose: "Tweede factor ingesteld", on: db)
        }
        return codes
    }

    // MARK: signing in

    /// Whether `code` is the app's current code (one step either side) not used before, or an
    /// unused recovery code; either is used up by this check.
    public func verify(_ user: User, code: String, at now: Date = Date()) async throws -> Bool {
        guard user.hasSecondFactor, let sealed = user.totpSecret, let secret = Base32.decode(try vault.open(text: sealed)) else { return false }
        let sql = try db.sql()
        let digits = Self.digits(code)
        if digits.count == TOTP.digits {
            guard let step = TOTP.matchingStep(digits, secret: secret, at: now) else { return false }
            // Claimed in one statement: a code seen twice, or an older one after a newer, fails.
            let claimed = try await sql.raw("""
                UPDATE users SET totp_last_step = \(bind: step) WHERE id = \(bind: try user.requireID())
                AND (totp_last_step IS NULL OR totp_last_step < \(bind: step)) RETURNING id
                """).all()
            return !claimed.isEmpty
        }
        let claimed = try await sql.raw("""
            UPDATE recovery_codes SET used_at = \(bind: now) WHERE user_id = \(bind: try user.requireID())
            AND code_hash = \(bind: TokenSecret.hash(Self.normalised(code))) AND used_at IS NULL RETURNING id
            """).all()
        return !claimed.isEmpty
    }

    public func unusedRecoveryCodes(_ user: User) async throws -> Int {
        try await RecoveryCode.query(on: db).filter(\.$user.$id == user.requireID()).filter(\.$usedAt == nil).count()
    }

    // MARK: reset

    /// Switches the second factor off, for an administrator when someone lost their phone and
    /// codes: the next sign-in asks to set it up again where the role requires it.
    public func reset(_ user: User, by actor: Actor, channel: AuditChannel) async throws {
        guard actor.role == .admin else { throw StoreError.forbidden }
        try await db.transaction { db in
            try await Self.replace(user, secret: nil, enabledAt: nil, lastStep: nil, on: db)
            try await AuditTrail(actor: actor, channel: channel)
                .record(.update, "account", user.id, residents: [], purpose: "Tweede factor teruggezet door beheerder", on: db)
        }
    }

    /// The account's second factor becomes `secret` (nil: none), and its old recovery codes go.
    private static func replace(_ user: User, secret: String?, enabledAt: Date?, lastStep: Int64?, on db: any Database) async throws {
        user.totpSecret = secret
        user.totpPendingSecret = nil
        user.totpEnabledAt = enabledAt
        user.totpLastStep = lastStep
        try await user.save(on: db)
        try await RecoveryCode.query(on: db).filter(\.$user.$id == user.requireID()).delete()
    }

    // MARK: codes

    /// Ten characters without look-alikes (no i, l, o, 0, 1), shown as `abcde-fghjk`: about 49 bits.
    static func newRecoveryCode() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return String(characters[0..<5]) + "-" + String(characters[5...])
    }

    /// What people type: spaces and hyphens anywhere, any case.
    static func normalised(_ code: String) -> String { code.lowercased().filter { $0.isLetter || $0.isNumber } }

    /// A six-digit code as typed: "123 456" is 123456.
    static func digits(_ code: String) -> String { code.filter { !$0.isWhitespace } }

    static func actor(_ user: User) throws -> Actor {
        Actor(userID: try user.requireID(), username: user.username, role: user.role, organisationID: user.$organisation.id, areaID: user.$area.id)
    }
}
