import Crypto
import _CryptoExtras
import Foundation
import Vapor
import WijknetCore

/// The identity provider as Wijknet talks to it: its discovery document and signing keys (fetched
/// when first needed and kept; the keys fetched again when a token names one not seen yet, at
/// most once a minute), the address the browser is sent to, and the exchange of the code for an
/// ID token that is then checked in full. One per application.
actor OIDCProvider {
    let settings: OIDCSettings
    private var metadata: Metadata?
    private var keySet: JSONWebKeySet?
    private var keysFetchedAt = Date.distantPast

    init(settings: OIDCSettings) {
        self.settings = settings
    }

    struct Metadata: Decodable {
        let issuer: String
        let authorization_endpoint: String
        let token_endpoint: String
        let jwks_uri: String
    }

    /// The provider could not be asked, or answered with an error: nothing about the person.
    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// Where the browser goes to sign in: the authorization code flow with PKCE (S256).
    func authorizationURL(state: String, nonce: String, codeVerifier: String, client: any Client) async throws -> String {
        let endpoint = try await discover(client).authorization_endpoint
        let challenge = Base64URL.encode(Data(SHA256.hash(data: Data(codeVerifier.utf8))))
        var components = URLComponents(string: endpoint)
        let given = components?.queryItems ?? []
        components?.queryItems = given + [
            URLQueryItem(name: "response_type", value: "code"),
            URLQueryItem(name: "client_id", value: settings.clientID),
            URLQueryItem(name: "redirect_uri", value: settings.redirectURL),
            URLQueryItem(name: "scope", value: "openid profile email \(settings.groupsClaim == "groups" ? "groups" : "")".trimmingCharacters(in: .whitespaces)),
            URLQueryItem(name: "state", value: state),
            URLQueryItem(name: "nonce", value: nonce),
            URLQueryItem(name: "code_challenge", value: challenge),
            URLQueryItem(name: "code_challenge_method", value: "S256"),
        ]
        guard let url = components?.url?.absoluteString else { throw Unavailable(description: "authorization_endpoint is geen geldig adres") }
        return url
    }

    /// Trades the code for an ID token and checks it: signature, issuer, audience, expiry and the
    /// nonce of this sign-in. Throws `IDTokenProblem` for a token that fails a check.
    func signIn(code: String, codeVerifier: String, nonce: String, client: any Client, now: Date = Date()) async throws -> IDTokenClaims {
        let endpoint = try await discover(client).token_endpoint
        struct TokenForm: Content {
            let grant_type = "authorization_code"
            let code: String
            let redirect_uri: String
            let code_verifier: String
            let client_id: String
        }
        struct TokenAnswer: Decodable { let id_token: String? }
        var headers = HTTPHeaders()
        // client_secret_basic: both parts form-encoded first (RFC 6749 §2.3.1).
        let user = Self.formEncoded(settings.clientID), secret = Self.formEncoded(settings.clientSecret)
        headers.replaceOrAdd(name: .authorization, value: "Basic " + Data("\(user):\(secret)".utf8).base64EncodedString())
        headers.replaceOrAdd(name: .accept, value: "application/json")
        var request = ClientRequest(method: .POST, url: URI(string: endpoint), headers: headers)
        try request.content.encode(TokenForm(code: code, redirect_uri: settings.redirectURL, code_verifier: codeVerifier, client_id: settings.clientID),
                                   as: .urlEncodedForm)
        let response = try await fetch(client) { [request] in try await client.send(request) }
        guard response.status == .ok, let idToken = (try? response.content.decode(TokenAnswer.self))?.id_token else {
            throw Unavailable(description: "het token-endpoint antwoordde \(response.status.code) zonder ID-token")
        }
        let token = try SignedJWT(idToken)
        guard let key = try await key(token.keyID, client, now: now) else { throw IDTokenProblem.unknownKey }
        guard token.isSigned(by: key) else { throw IDTokenProblem.wrongSignature }
        guard let claims = IDTokenClaims(payload: token.payload, groupsClaim: settings.groupsClaim) else { throw IDTokenProblem.malformed }
        if let problem = IDTokenCheck.problem(claims, issuer: settings.issuer, clientID: settings.clientID, nonce: nonce,
                                              now: Int64(now.timeIntervalSince1970)) {
            throw problem
        }
        return claims
    }

    private func discover(_ client: any Client) async throws -> Metadata {
        if let metadata { return metadata }
        let address = settings.issuer.hasSuffix("/") ? String(settings.issuer.dropLast()) : settings.issuer
        let response = try await fetch(client) { try await client.get(URI(string: address + "/.well-known/openid-configuration")) }
        guard response.status == .ok, let found = try? response.content.decode(Metadata.self) else {
            throw Unavailable(description: "het discovery-document antwoordde \(response.status.code) of is onleesbaar")
        }
        // The document must be the issuer's own, and send nobody over plain HTTP to another machine.
        guard found.issuer == settings.issuer,
              [found.authorization_endpoint, found.token_endpoint, found.jwks_uri].allSatisfy(OIDCSettings.acceptable(issuer:)) else {
            throw Unavailable(description: "het discovery-document hoort niet bij \(settings.issuer) of noemt een adres zonder https")
        }
        metadata = found
        return found
    }

    private func key(_ id: String?, _ client: any Client, now: Date) async throws -> _RSA.Signing.PublicKey? {
        if let key = keySet?.key(for: id) { return key }
        // A key not seen yet: the provider may have rotated its keys. Asked again at most once a
        // minute, so tokens with made-up key ids cannot make Wijknet hammer the provider.
        guard now.timeIntervalSince(keysFetchedAt) >= 60 else { return nil }
        keysFetchedAt = now
        let metadata = try await discover(client)
        let response = try await fetch(client) { try await client.get(URI(string: metadata.jwks_uri)) }
        guard response.status == .ok, let body = response.body, let set = try? JSONWebKeySet(Data(buffer: body)) else {
            throw Unavailable(description: "de sleutels (jwks_uri) antwoordden \(response.status.code) of zijn onleesbaar")
        }
        keySet = set
        return set.key(for: id)
    }

    private func fetch(_ client: any Client, _ call: () async throws -> ClientResponse) async throws -> ClientResponse {
        do { return try await call() } catch {
            throw Unavailable(description: "niet bereikbaar (\(String(describing: type(of: error))))")
        }
    }

    private static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
