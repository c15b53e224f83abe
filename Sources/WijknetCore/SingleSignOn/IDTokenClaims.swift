import Foundation

/// What Wijknet reads from an OpenID Connect ID token once its signature is checked, and the
/// checks of OpenID Connect Core 1.0 §3.1.3.7 on it. The signature itself is checked in the web
/// layer, which has the keys; everything here is about the claims.
public struct IDTokenClaims: Sendable, Equatable {
    public var issuer: String
    public var subject: String
    public var audiences: [String]
    public var authorizedParty: String?
    public var expiresAt: Int64
    public var issuedAt: Int64
    public var nonce: String?
    public var name: String?
    public var preferredUsername: String?
    public var email: String?
    public var emailVerified: Bool
    public var groups: [String]
    /// Authentication methods (RFC 8176): "mfa" says the provider asked for a second factor.
    public var methods: [String]

    public init(issuer: String, subject: String, audiences: [String], authorizedParty: String? = nil, expiresAt: Int64, issuedAt: Int64,
                nonce: String?, name: String? = nil, preferredUsername: String? = nil, email: String? = nil, emailVerified: Bool = false,
                groups: [String] = [], methods: [String] = []) {
        self.issuer = issuer
        self.subject = subject
        self.audiences = audiences
        self.authorizedParty = authorizedParty
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
        self.nonce = nonce
        self.name = name
        self.preferredUsername = preferredUsername
        self.email = email
        self.emailVerified = emailVerified
        self.groups = groups
        self.methods = methods
    }

    /// Reads the claims from the token's JSON payload; nil when a required claim is missing or of
    /// the wrong type. `groupsClaim` names the claim with the groups (providers differ).
    public init?(payload: Data, groupsClaim: String) {
        guard let standard = try? JSONDecoder().decode(Standard.self, from: payload), !standard.sub.isEmpty,
              let expiresAt = Self.seconds(standard.exp), let issuedAt = Self.seconds(standard.iat),
              let json = (try? JSONSerialization.jsonObject(with: payload)) as? [String: Any] else { return nil }
        let groups: [String]
        switch json[groupsClaim] {
        case nil: groups = []
        case let one as String: groups = [one]
        case let many as [Any]: groups = many.compactMap { $0 as? String }
        default: return nil
        }
        self.init(issuer: standard.iss, subject: standard.sub, audiences: standard.aud.values, authorizedParty: standard.azp,
                  expiresAt: expiresAt, issuedAt: issuedAt, nonce: standard.nonce, name: standard.name,
                  preferredUsername: standard.preferred_username, email: standard.email,
                  emailVerified: standard.email_verified ?? false, groups: groups, methods: standard.amr ?? [])
    }

    /// The registered claims, typed: a number where a number belongs, `aud` one string or several.
    private struct Standard: Decodable {
        struct Audience: Decodable {
            let values: [String]
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let one = try? container.decode(String.self) { values = [one] } else { values = try container.decode([String].self) }
            }
        }
        let iss: String
        let sub: String
        let aud: Audience
        let exp: Double
        let iat: Double
        let azp: String?
        let nonce: String?
        let name: String?
        let preferred_username: String?
        let email: String?
        let email_verified: Bool?
        let amr: [String]?
    }

    /// A NumericDate: seconds since 1970, whole or not.
    private static func seconds(_ value: Double) -> Int64? {
        guard value.isFinite, abs(value) < 1e15 else { return nil }
        return Int64(value)
    }

    public var providerAskedSecondFactor: Bool { methods.contains("mfa") }
}

/// Why an ID token is refused. The text goes to the audit log; the user sees one message for all.
public enum IDTokenProblem: Error, Sendable, Equatable {
    case malformed, wrongAlgorithm, unknownKey, wrongSignature, wrongIssuer, wrongAudience, wrongAuthorizedParty, expired, issuedInFuture, wrongNonce

    public var purpose: String {
        switch self {
        case .malformed: "Single sign-on: het ID-token is onleesbaar of mist verplichte gegevens"
        case .wrongAlgorithm: "Single sign-on: het ID-token is niet met RS256 ondertekend"
        case .unknownKey: "Single sign-on: het ID-token is ondertekend met een onbekende sleutel"
        case .wrongSignature: "Single sign-on: de handtekening van het ID-token klopt niet"
        case .wrongIssuer: "Single sign-on: het ID-token komt van een andere uitgever"
        case .wrongAudience: "Single sign-on: het ID-token is niet voor Wijknet bestemd"
        case .wrongAuthorizedParty: "Single sign-on: het ID-token is aan een andere toepassing uitgegeven"
        case .expired: "Single sign-on: het ID-token is verlopen"
        case .issuedInFuture: "Single sign-on: het ID-token is uitgegeven in de toekomst"
        case .wrongNonce: "Single sign-on: de nonce van het ID-token hoort niet bij deze aanmelding"
        }
    }
}

public enum IDTokenCheck {
    /// Clocks of two servers differ a little; more than this is refused.
    public static let leewaySeconds: Int64 = 60

    /// The first check the claims fail, or nil when they pass: issued by `issuer` for `clientID`
    /// (and, with several audiences, to it), not expired, not from the future, with this sign-in's nonce.
    public static func problem(_ claims: IDTokenClaims, issuer: String, clientID: String, nonce: String, now: Int64) -> IDTokenProblem? {
        if claims.issuer != issuer { return .wrongIssuer }
        if !claims.audiences.contains(clientID) { return .wrongAudience }
        if claims.audiences.count > 1 || claims.authorizedParty != nil, claims.authorizedParty != clientID { return .wrongAuthorizedParty }
        if claims.expiresAt + leewaySeconds <= now { return .expired }
        if claims.issuedAt - leewaySeconds > now { return .issuedInFuture }
        // Compared in constant time: the nonce is a secret of this sign-in until it is used.
        guard let given = claims.nonce, constantTimeEqual(given, nonce) else { return .wrongNonce }
        return nil
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
