import Crypto
import _CryptoExtras
import Foundation
import WijknetCore

/// A compact JWS as an ID token arrives: header, payload and signature, base64url. Only RS256 is
/// accepted, the algorithm OpenID Connect requires every provider to offer: a token saying
/// `none`, or an HMAC algorithm keyed with a public key, is refused before any key is looked at.
struct SignedJWT {
    let keyID: String?
    let payload: Data
    private let signingInput: Data
    private let signature: Data

    init(_ token: String) throws(IDTokenProblem) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let header = Base64URL.decode(parts[0]), let payload = Base64URL.decode(parts[1]),
              let signature = Base64URL.decode(parts[2]),
              let fields = (try? JSONSerialization.jsonObject(with: header)) as? [String: Any] else { throw .malformed }
        guard fields["alg"] as? String == "RS256" else { throw .wrongAlgorithm }
        // A critical extension Wijknet does not know must not be ignored (RFC 7515 §4.1.11).
        guard fields["crit"] == nil else { throw .malformed }
        self.keyID = fields["kid"] as? String
        self.payload = payload
        self.signingInput = Data(parts[0].utf8) + Data(".".utf8) + Data(parts[1].utf8)
        self.signature = signature
    }

    func isSigned(by key: _RSA.Signing.PublicKey) -> Bool {
        key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: SHA256.hash(data: signingInput), padding: .insecurePKCS1v1_5)
    }
}

/// The provider's signing keys (RFC 7517), by key id; RSA keys of 2048 bits or more for signing.
struct JSONWebKeySet {
    let keys: [String: _RSA.Signing.PublicKey]
    /// A key without a kid, used when the set has exactly one key.
    let onlyKey: _RSA.Signing.PublicKey?

    init(_ data: Data) throws {
        struct Set: Decodable { let keys: [Key] }
        struct Key: Decodable { let kty: String; let kid: String?; let use: String?; let alg: String?; let n: String?; let e: String? }
        let set = try JSONDecoder().decode(Set.self, from: data)
        var keys: [String: _RSA.Signing.PublicKey] = [:]
        var all: [_RSA.Signing.PublicKey] = []
        for key in set.keys where key.kty == "RSA" && (key.use ?? "sig") == "sig" && (key.alg ?? "RS256") == "RS256" {
            guard let n = key.n.flatMap(Base64URL.decode), let e = key.e.flatMap(Base64URL.decode),
                  let publicKey = try? _RSA.Signing.PublicKey(n: n, e: e) else { continue }
            all.append(publicKey)
            if let kid = key.kid { keys[kid] = publicKey }
        }
        self.keys = keys
        self.onlyKey = all.count == 1 ? all[0] : nil
    }

    func key(for id: String?) -> _RSA.Signing.PublicKey? {
        guard let id else { return onlyKey }
        return keys[id]
    }
}

enum Base64URL {
    static func decode(_ text: some StringProtocol) -> Data? {
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }

    static func encode(_ data: some DataProtocol) -> String {
        Data(data).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
