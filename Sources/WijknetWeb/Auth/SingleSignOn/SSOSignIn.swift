import Fluent
import Vapor
import WijknetCore
import WijknetStore

/// Signing in with the identity provider, from the redirect there to the account here. Every
/// refusal is in the audit log with its reason; the person sees one of three short messages, so
/// the answer tells an attacker nothing about which check failed.
enum SSOSignIn {
    /// The browser's half of a sign-in under way (`SSOLogins`): a cookie only for these two paths,
    /// sent along when the provider sends the browser back (SameSite=Lax, as that is a navigation
    /// from another site).
    static let browserCookie = "wijknet-sso"

    enum Failure: Error {
        /// The answer belongs to no sign-in of this browser: old, used, or someone else's link.
        case expired
        /// The provider refused or the person cancelled; or its answer failed a check.
        case notSignedIn
        /// Signed in at the provider, but the groups give no role here, or the account was ended.
        case noAccess
        case providerUnavailable
        /// Too many sign-ins from this address (`SignIn`'s limit, shared).
        case wait(seconds: Int)

        var message: String {
            switch self {
            case .expired: "Deze aanmelding is verlopen of al gebruikt. Log opnieuw in."
            case .notSignedIn: "Inloggen via de identity provider is niet gelukt. Probeer het opnieuw; lukt het weer niet, meld het dan bij je beheerder."
            case .noAccess: "Je account bij de gemeente geeft geen toegang tot Wijknet. Vraag je beheerder om je aan de juiste groep toe te voegen."
            case .providerUnavailable: "De identity provider is nu niet bereikbaar. Probeer het over een paar minuten opnieuw."
            case .wait(let seconds): SignIn.Failure.wait(seconds: seconds).message
            }
        }

        var status: HTTPResponseStatus {
            switch self {
            case .providerUnavailable: .badGateway
            case .wait: .tooManyRequests
            case .expired, .notSignedIn, .noAccess: .unauthorized
            }
        }
    }

    struct Started {
        let url: String
        let cookie: HTTPCookies.Value
    }

    struct Finished {
        let user: User
        /// The provider says it asked a second factor (`amr` contains `mfa`): Wijknet does not ask again.
        let providerAskedSecondFactor: Bool
        let back: String?
    }

    static func start(_ req: Request, back: String?) async throws -> Started {
        guard let provider = req.application.oidcProvider else { throw Abort(.notFound) }
        try await throttle(req)
        let begun = try await SSOLogins.begin(back: back, on: req.db)
        do {
            let url = try await provider.authorizationURL(state: begun.state, nonce: begun.nonce, codeVerifier: begun.codeVerifier, client: req.client)
            let cookie = HTTPCookies.Value(string: begun.browserSecret, maxAge: SSOLogin.lifetimeMinutes * 60, path: SiteURL.ssoStart.path,
                                           isSecure: req.application.wijknetConfig.secureCookies, isHTTPOnly: true, sameSite: .lax)
            return Started(url: url, cookie: cookie)
        } catch let error as OIDCProvider.Unavailable {
            req.logger.warning("single sign-on: identity provider: \(error.description)")
            throw Failure.providerUnavailable
        }
    }

    static func finish(_ req: Request) async throws -> Finished {
        guard let provider = req.application.oidcProvider, let settings = req.application.wijknetConfig.sso else { throw Abort(.notFound) }
        try await throttle(req)
        let state = req.query[String.self, at: "state"] ?? ""
        let login = state.isEmpty ? nil : try await SSOLogins.claim(state: state, browserSecret: req.cookies[browserCookie]?.string, on: req.db)
        guard let login else {
            try await refuse(nil, "Single sign-on: antwoord zonder bekende, ongebruikte aanmelding van deze browser", req)
            throw Failure.expired
        }
        if let error = req.query[String.self, at: "error"] {
            // The provider's error code only (a short word from a fixed list); its free text stays out.
            let code = String(error.unicodeScalars.filter { ("a"..."z").contains($0) || $0 == "_" }.prefix(40).map(Character.init))
            try await refuse(nil, "Single sign-on: de identity provider meldt \(code.isEmpty ? "een fout" : code)", req)
            throw Failure.notSignedIn
        }
        guard let code = req.query[String.self, at: "code"], !code.isEmpty else {
            try await refuse(nil, "Single sign-on: antwoord zonder code", req)
            throw Failure.notSignedIn
        }
        let claims: IDTokenClaims
        do {
            claims = try await provider.signIn(code: code, codeVerifier: login.codeVerifier, nonce: login.nonce, client: req.client)
        } catch let problem as IDTokenProblem {
            try await refuse(nil, problem.purpose, req)
            throw Failure.notSignedIn
        } catch let error as OIDCProvider.Unavailable {
            req.logger.warning("single sign-on: identity provider: \(error.description)")
            throw Failure.providerUnavailable
        }
        let app = req.application
        do {
            let user = try await SSOAccounts(db: req.db, channel: req.auditChannel, hasher: { try app.password.hash($0) })
                .account(for: claims, mapping: settings.mapping)
            return Finished(user: user, providerAskedSecondFactor: claims.providerAskedSecondFactor, back: login.backPath)
        } catch let refusal as SSOAccounts.Refusal {
            try await refuse(claims, refusal.purpose, req)
            throw Failure.noAccess
        }
    }

    /// Each step writes (a sign-in under way, a refusal in the audit log) before anyone is known:
    /// both count against the address's sign-in attempts, as a password does.
    private static func throttle(_ req: Request) async throws {
        if let seconds = await SignIn.addressWait(req) { throw Failure.wait(seconds: seconds) }
    }

    /// Who tried, as far as known: the provider's name for them once their token was checked.
    private static func refuse(_ claims: IDTokenClaims?, _ purpose: String, _ req: Request) async throws {
        let name = claims.map { "single sign-on: " + ($0.preferredUsername ?? $0.email ?? $0.subject) } ?? "(single sign-on)"
        try await AuditLog.appendRefusal(AuditLog.Who(username: String(name.prefix(120))), .signInFailed, channel: req.auditChannel,
                                         subject: "sign-in", subjectID: "", purpose: purpose, on: req.db)
    }
}
