import Fluent
import Foundation
import SQLKit
import WijknetCore

/// The sign-ins under way with the identity provider. The state, nonce and PKCE verifier are
/// random per sign-in; the state is kept as a hash, and a second secret in the browser's own cookie
/// ties the answer to the browser that asked, so a link with someone else's answer signs nobody in.
public enum SSOLogins {
    public struct Begun: Sendable {
        public let state: String
        public let browserSecret: String
        public let nonce: String
        public let codeVerifier: String
    }

    public static func begin(back: String?, on db: any Database, now: Date = Date()) async throws -> Begun {
        let begun = Begun(state: TokenSecret.random(), browserSecret: TokenSecret.random(), nonce: TokenSecret.random(),
                          codeVerifier: TokenSecret.random() + TokenSecret.random())
        // Sign-ins that never came back are of no use to anyone.
        try await SSOLogin.query(on: db).filter(\.$createdAt < now.addingTimeInterval(-Double(SSOLogin.lifetimeMinutes * 60))).delete()
        try await SSOLogin(stateHash: TokenSecret.hash(begun.state), browserHash: TokenSecret.hash(begun.browserSecret),
                           nonce: begun.nonce, codeVerifier: begun.codeVerifier, backPath: back, createdAt: now).create(on: db)
        return begun
    }

    /// The sign-in this answer belongs to, taken so it cannot be used again; nil when the state is
    /// unknown, already used, too old, or from another browser.
    public static func claim(state: String, browserSecret: String?, on db: any Database, now: Date = Date()) async throws -> SSOLogin? {
        guard let login = try await SSOLogin.query(on: db).filter(\.$stateHash == TokenSecret.hash(state)).first() else { return nil }
        // Taken in one statement: of two answers at the same moment only one gets the row.
        let claimed = try await db.sql().raw("DELETE FROM \(ident: SSOLogin.schema) WHERE id = \(bind: login.id!) RETURNING id").all()
        guard !claimed.isEmpty, let browserSecret, TokenSecret.hash(browserSecret) == login.browserHash,
              now.timeIntervalSince(login.createdAt) <= Double(SSOLogin.lifetimeMinutes * 60) else { return nil }
        return login
    }
}

/// The account behind a checked ID token: found by the provider's subject, or the first time by a
/// verified e-mail address of an account not yet linked, or else created. Role and scope follow
/// the person's groups at every sign-in, so a change at the provider reaches Wijknet the next time.
/// A deactivated account stays out.
public struct SSOAccounts: Sendable {
    let db: any Database
    let channel: AuditChannel
    let hasher: PasswordHasher

    public init(db: any Database, channel: AuditChannel, hasher: @escaping PasswordHasher) {
        self.db = db
        self.channel = channel
        self.hasher = hasher
    }

    public enum Refusal: Error, Sendable, Equatable {
        case noRole
        case conflicting(groups: [String])
        case deactivated
        /// The mapping names an area or organisation that does not exist (any more).
        case unknownScope

        public var purpose: String {
            switch self {
            case .noRole: "Single sign-on: geen van de groepen van deze persoon geeft een rol in Wijknet"
            case .conflicting(let groups): "Single sign-on: de groepen \(groups.joined(separator: ", ")) geven verschillende rollen"
            case .deactivated: "Single sign-on: het account is gedeactiveerd"
            case .unknownScope: "Single sign-on: de groepenindeling noemt een gebied of organisatie die niet bestaat"
            }
        }
    }

    public func account(for claims: IDTokenClaims, mapping: SSOGroupMapping) async throws -> User {
        let subject = "\(claims.issuer)#\(claims.subject)"
        return try await db.transaction { db in
            let found = try await existing(subject: subject, claims: claims, on: db)
            if let found, !found.isActive { throw Refusal.deactivated }
            let grant: SSOGroupMapping.Grant
            switch mapping.resolve(claims.groups) {
            case .granted(let given): grant = given
            case .noRole: throw Refusal.noRole
            case .conflicting(let groups): throw Refusal.conflicting(groups: groups)
            }
            try await checkScope(grant, on: db)
            if let found { return try await follow(found, subject: subject, grant: grant, claims: claims, on: db) }
            return try await create(subject: subject, grant: grant, claims: claims, on: db)
        }
    }

    private func existing(subject: String, claims: IDTokenClaims, on db: any Database) async throws -> User? {
        if let linked = try await User.query(on: db).filter(\.$ssoSubject == subject).first() { return linked }
        // An address the provider vouches for finds the account an administrator made beforehand.
        guard claims.emailVerified, let email = claims.email?.trimmingCharacters(in: .whitespaces).lowercased(), !email.isEmpty else { return nil }
        return try await User.query(on: db).filter(\.$email == email).filter(\.$ssoSubject == nil).first()
    }

    private func follow(_ user: User, subject: String, grant: SSOGroupMapping.Grant, claims: IDTokenClaims, on db: any Database) async throws -> User {
        let linking = user.ssoSubject == nil
        let moved = user.role != grant.role || user.$area.id != grant.areaId || user.$organisation.id != grant.organisationId
        user.ssoSubject = subject
        user.role = grant.role
        user.$area.id = grant.areaId
        user.$organisation.id = grant.organisationId
        if let name = displayName(claims) { user.displayName = name }
        try await user.save(on: db)
        let trail = AuditTrail(actor: try Self.actor(user), channel: channel)
        if linking {
            try await trail.record(.update, "account", user.id, residents: [], purpose: "Account gekoppeld aan single sign-on", on: db)
        }
        if moved {
            try await trail.record(.update, "account", user.id, residents: [],
                                   purpose: "Rol en werkgebied gevolgd uit de groepen bij single sign-on (\(grant.role.label))", on: db)
        }
        return user
    }

    private func create(subject: String, grant: SSOGroupMapping.Grant, claims: IDTokenClaims, on db: any Database) async throws -> User {
        let username = try await freeUsername(claims, on: db)
        let email = claims.email?.trimmingCharacters(in: .whitespaces).lowercased()
        let emailFree = if let email, AccountInput.isEmail(email) { try await User.query(on: db).filter(\.$email == email).first() == nil } else { false }
        // No password of its own: this person signs in at the provider. The hash of a random secret
        // nobody saw matches no password anyone could type.
        let user = User(username: username, displayName: displayName(claims) ?? username, role: grant.role,
                        passwordHash: try hasher(TokenSecret.random()), organisationID: grant.organisationId, areaID: grant.areaId)
        user.email = emailFree ? email : nil
        user.ssoSubject = subject
        try await user.create(on: db)
        try await AuditTrail(actor: try Self.actor(user), channel: channel)
            .record(.create, "account", user.id, residents: [], purpose: "Account aangemaakt bij de eerste aanmelding met single sign-on (\(grant.role.label))", on: db)
        return user
    }

    private func displayName(_ claims: IDTokenClaims) -> String? {
        guard let name = claims.name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else { return nil }
        return String(name.prefix(120))
    }

    /// The provider's username or the address's local part, made to fit Wijknet's usernames, with
    /// a number added when taken: a username is never given to a second person.
    private func freeUsername(_ claims: IDTokenClaims, on db: any Database) async throws -> String {
        let source = claims.preferredUsername ?? claims.email?.split(separator: "@").first.map(String.init) ?? "sso"
        var base = String(source.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0) }
            .map(Character.init).prefix(34))
        if base.count < 3 { base = "sso-" + base }
        for number in 1...1000 {
            let candidate = number == 1 ? base : "\(base)-\(number)"
            if try await User.query(on: db).filter(\.$username == candidate).first() == nil { return candidate }
        }
        return "sso-" + TokenSecret.random().prefix(12).lowercased()
    }

    private func checkScope(_ grant: SSOGroupMapping.Grant, on db: any Database) async throws {
        if let area = grant.areaId, try await Area.find(area, on: db) == nil { throw Refusal.unknownScope }
        if let organisation = grant.organisationId, try await Organisation.find(organisation, on: db) == nil { throw Refusal.unknownScope }
    }

    static func actor(_ user: User) throws -> Actor {
        Actor(userID: try user.requireID(), username: user.username, role: user.role, organisationID: user.$organisation.id, areaID: user.$area.id)
    }
}
