import Crypto
import Fluent
import Foundation
import SQLKit
import WijknetCore

/// Turns a password into what is stored (bcrypt in the web layer), so the store stays free of it.
public typealias PasswordHasher = @Sendable (String) throws -> String

/// The administrator's accounts: create, change role and scope, deactivate, list, and hand out
/// one-time links to set a password. Every change is in the audit log. An administrator never
/// changes their own role or scope, so they cannot give themselves case access.
public struct AccountService: Sendable {
    let db: any Database
    let actor: Actor
    let audit: AuditTrail
    let hasher: PasswordHasher

    public init(db: any Database, actor: Actor, channel: AuditChannel = .command, hasher: @escaping PasswordHasher) {
        self.db = db
        self.actor = actor
        self.audit = AuditTrail(actor: actor, channel: channel)
        self.hasher = hasher
    }

    /// Who starts a real installation from the command line (`wijknet users add`).
    public static let operatorRun = Actor(userID: UUID(uuidString: "00000000-0000-0000-0000-000000000000")!,
                                          username: "wijknet users", role: .admin, organisationID: nil, areaID: nil)

    public struct Filter: Sendable {
        public var role: Role?
        public var text: String?
        public var includeDeactivated: Bool

        public init(role: Role? = nil, text: String? = nil, includeDeactivated: Bool = true) {
            self.role = role
            self.text = text
            self.includeDeactivated = includeDeactivated
        }
    }

    private func requireAdmin() throws {
        guard CasePolicy.mayManageAccounts(actor.role) else { throw StoreError.forbidden }
    }

    /// Accounts by username, with their area and organisation.
    public func list(_ filter: Filter, _ paging: Paging = .first) async throws -> ResultPage<User> {
        try requireAdmin()
        let query = User.query(on: db).with(\.$area).with(\.$organisation)
        if let role = filter.role { query.filter(\.$role == role) }
        if !filter.includeDeactivated { query.filter(\.$deactivatedAt == nil) }
        if let text = filter.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            query.group(.or) { group in
                group.filter(SearchPattern.lowerLike(column: "username", table: User.schema, text))
                group.filter(SearchPattern.lowerLike(column: "display_name", table: User.schema, text))
            }
        }
        let total = try await query.count()
        let items = try await query.copy().sort(\.$username).offset(paging.offset).limit(paging.perPage).all()
        return ResultPage(items: items, page: paging.page, perPage: paging.perPage, total: total, totalIsExact: true)
    }

    public func find(_ id: UUID) async throws -> User {
        try requireAdmin()
        guard let user = try await User.query(on: db).filter(\.$id == id).with(\.$area).with(\.$organisation).first() else {
            throw StoreError.notFound(what: "account")
        }
        return user
    }

    /// A new account without a usable password, and the token of its one-time link to set one.
    public func create(_ input: AccountInput) async throws -> (user: User, link: String) {
        try requireAdmin()
        let valid = try validating { () throws(ValidationFailure) in try input.validate() }
        try await checkScope(valid)
        return try await db.transaction { db in
            if try await User.query(on: db).filter(\.$username == valid.username).first() != nil {
                throw StoreError.invalid(ValidationFailure("username", "Deze gebruikersnaam is al uitgegeven. Een naam wordt nooit opnieuw gebruikt, ook niet na deactiveren."))
            }
            try await checkEmailFree(valid.email, except: nil, on: db)
            let user = User(username: valid.username, displayName: valid.displayName, role: valid.role,
                            passwordHash: try hasher(TokenSecret.random()), organisationID: valid.organisationID, areaID: valid.areaID)
            user.email = valid.email
            try await user.create(on: db)
            try await audit.record(.create, "account", user.id, residents: [], purpose: "Account aangemaakt (\(valid.role.label))", on: db)
            let link = try await issueLink(for: user, on: db)
            return (user, link)
        }
    }

    /// Name, e-mail, role and scope; the username stays. Not for one's own account.
    public func update(_ id: UUID, _ input: AccountInput) async throws -> User {
        try requireAdmin()
        let user = try await find(id)
        var same = input
        same.username = user.username
        let valid = try validating { () throws(ValidationFailure) in try same.validate() }
        if id == actor.userID, valid.role != user.role || valid.areaID != user.$area.id || valid.organisationID != user.$organisation.id {
            throw StoreError.invalid(ValidationFailure("role", "Je eigen rol en werkgebied wijzig je niet zelf; vraag dat een andere beheerder."))
        }
        try await checkScope(valid)
        return try await db.transaction { db in
            try await checkEmailFree(valid.email, except: id, on: db)
            user.displayName = valid.displayName
            user.email = valid.email
            user.role = valid.role
            user.$area.id = valid.areaID
            user.$organisation.id = valid.organisationID
            try await user.save(on: db)
            try await audit.record(.update, "account", id, residents: [], purpose: "Account gewijzigd (\(valid.role.label))", on: db)
            return user
        }
    }

    /// Ends the account's access at once: it cannot sign in, and its sessions and API tokens stop
    /// (both check the account on every request). The account and its audit trail stay.
    public func deactivate(_ id: UUID) async throws {
        try requireAdmin()
        guard id != actor.userID else {
            throw StoreError.invalid(ValidationFailure("account", "Je kunt je eigen account niet deactiveren; vraag dat een andere beheerder."))
        }
        let user = try await find(id)
        guard user.isActive else { return }
        try await db.transaction { db in
            user.deactivatedAt = Date()
            try await user.save(on: db)
            try await UserToken.query(on: db).filter(\.$user.$id == id).filter(\.$revokedAt == nil).set(\.$revokedAt, to: Date()).update()
            try await PasswordLink.query(on: db).filter(\.$user.$id == id).filter(\.$usedAt == nil).set(\.$usedAt, to: Date()).update()
            try await audit.record(.update, "account", id, residents: [], purpose: "Account gedeactiveerd", on: db)
        }
    }

    /// Switches an account's second factor off, when its owner lost phone and recovery codes; where
    /// the role requires one, the next sign-in sets it up again. Never one's own: that is set up
    /// anew on one's own page, with a code.
    public func resetSecondFactor(_ id: UUID, vault: BSNVault) async throws {
        try requireAdmin()
        guard id != actor.userID else {
            throw StoreError.invalid(ValidationFailure("account", "Je eigen tweede factor stel je opnieuw in via ‘Tweede factor’."))
        }
        try await SecondFactors(db: db, vault: vault).reset(try await find(id), by: actor, channel: audit.channel)
    }

    /// A new one-time link for an active account (a forgotten password, or a first one).
    public func passwordLink(_ id: UUID) async throws -> String {
        try requireAdmin()
        let user = try await find(id)
        guard user.isActive else {
            throw StoreError.invalid(ValidationFailure("account", "Dit account is gedeactiveerd; het krijgt geen wachtwoordlink meer."))
        }
        return try await db.transaction { db in
            let link = try await issueLink(for: user, on: db)
            try await audit.record(.update, "account", id, residents: [], purpose: "Wachtwoordlink gemaakt", on: db)
            return link
        }
    }

    private func issueLink(for user: User, on db: any Database) async throws -> String {
        let token = TokenSecret.random()
        try await PasswordLink(userID: try user.requireID(), tokenHash: TokenSecret.hash(token)).create(on: db)
        return token
    }

    private func checkScope(_ valid: ValidAccount) async throws {
        if let area = valid.areaID, try await Area.find(area, on: db) == nil {
            throw StoreError.invalid(ValidationFailure("areaId", "Dit gebied bestaat niet."))
        }
        if let organisation = valid.organisationID, try await Organisation.find(organisation, on: db) == nil {
            throw StoreError.invalid(ValidationFailure("organisationId", "Deze organisatie bestaat niet."))
        }
    }

    private func checkEmailFree(_ email: String?, except id: UUID?, on db: any Database) async throws {
        guard let email, let other = try await User.query(on: db).filter(\.$email == email).first(), other.id != id else { return }
        throw StoreError.invalid(ValidationFailure("email", "Dit e-mailadres hoort al bij een ander account."))
    }
}

/// The person behind a one-time link sets their password: the link works once, within its day,
/// for an active account, and the password must pass `PasswordRule`.
public enum PasswordLinks {
    /// The account the link is for, or nil when the link is unknown, used, expired or its account deactivated.
    public static func account(for token: String, on db: any Database) async throws -> User? {
        try await usable(token, on: db)?.user
    }

    public static func redeem(_ token: String, password: String, hasher: PasswordHasher, on db: any Database) async throws -> User {
        guard let link = try await usable(token, on: db) else { throw StoreError.notFound(what: "wachtwoordlink") }
        let user = link.user
        if let problem = PasswordRule.problem(password, username: user.username) {
            throw StoreError.invalid(ValidationFailure("password", problem))
        }
        let hash = try hasher(password)
        return try await db.transaction { db in
            // Claimed in one statement: of two uses at the same moment only one gets the row back.
            let claimed = try await db.sql().raw("""
                UPDATE \(ident: PasswordLink.schema) SET used_at = \(bind: Date()) WHERE id = \(bind: link.id!) AND used_at IS NULL RETURNING id
                """).all()
            guard !claimed.isEmpty else { throw StoreError.notFound(what: "wachtwoordlink") }
            user.passwordHash = hash
            try await user.save(on: db)
            let me = Actor(userID: try user.requireID(), username: user.username, role: user.role, organisationID: user.$organisation.id, areaID: user.$area.id)
            try await AuditTrail(actor: me, channel: .page).record(.update, "account", user.id, residents: [], purpose: "Wachtwoord ingesteld via eenmalige link", on: db)
            return user
        }
    }

    private static func usable(_ token: String, on db: any Database) async throws -> PasswordLink? {
        guard let link = try await PasswordLink.query(on: db).filter(\.$tokenHash == TokenSecret.hash(token)).with(\.$user).first(),
              link.usedAt == nil, link.expiresAt > Date(), link.user.isActive else { return nil }
        return link
    }
}

/// Random secrets for links, and their stored SHA-256.
public enum TokenSecret {
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
