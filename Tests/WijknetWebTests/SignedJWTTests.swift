import Crypto
import _CryptoExtras
import Foundation
import Testing
@testable import WijknetCore
@testable import WijknetWeb

/// The signature check of ID tokens without a provider: keys made here, tokens made here.
struct SignedJWTTests {
    static let key = try! _RSA.Signing.PrivateKey(keySize: .bits2048)

    static func token(header: String, payload: String = #"{"sub":"a"}"#, signedBy key: _RSA.Signing.PrivateKey = key) throws -> String {
        let input = Base64URL.encode(Data(header.utf8)) + "." + Base64URL.encode(Data(payload.utf8))
        let signature = try key.signature(for: SHA256.hash(data: Data(input.utf8)), padding: .insecurePKCS1v1_5)
        return input + "." + Base64URL.encode(signature.rawRepresentation)
    }

    static func keySet(_ key: _RSA.Signing.PublicKey, kid: String = "k1") throws -> JSONWebKeySet {
        let primitives = try key.getKeyPrimitives()
        let n = primitives.modulus, e = primitives.publicExponent
        let json = #"{"keys":[{"kty":"RSA","kid":"\#(kid)","use":"sig","n":"\#(Base64URL.encode(n))","e":"\#(Base64URL.encode(e))"},{"kty":"EC","kid":"ec"}]}"#
        return try JSONWebKeySet(Data(json.utf8))
    }

    @Test func aTokenSignedWithThePublishedKeyPassesAndAnyChangeFails() throws {
        let set = try Self.keySet(Self.key.publicKey)
        let good = try SignedJWT(try Self.token(header: #"{"alg":"RS256","kid":"k1"}"#))
        #expect(good.keyID == "k1")
        #expect(good.isSigned(by: try #require(set.key(for: "k1"))))
        #expect(set.key(for: "ec") == nil && set.key(for: "k2") == nil)

        // The payload changed after signing.
        let parts = try Self.token(header: #"{"alg":"RS256","kid":"k1"}"#).split(separator: ".")
        let changed = [String(parts[0]), Base64URL.encode(Data(#"{"sub":"b"}"#.utf8)), String(parts[2])].joined(separator: ".")
        #expect(!(try SignedJWT(changed)).isSigned(by: try #require(set.key(for: "k1"))))
        // Signed with another key under the same name.
        let other = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        #expect(!(try SignedJWT(try Self.token(header: #"{"alg":"RS256","kid":"k1"}"#, signedBy: other))).isSigned(by: try #require(set.key(for: "k1"))))
    }

    @Test func onlyRS256IsAcceptedAndBrokenTokensAreMalformed() throws {
        func problem(_ token: String) -> IDTokenProblem? {
            do { _ = try SignedJWT(token); return nil } catch { return error }
        }
        let payload = Base64URL.encode(Data(#"{"sub":"a"}"#.utf8))
        #expect(problem(Base64URL.encode(Data(#"{"alg":"none"}"#.utf8)) + "." + payload + ".") == .wrongAlgorithm)
        #expect(problem(try Self.token(header: #"{"alg":"HS256"}"#)) == .wrongAlgorithm)
        #expect(problem(try Self.token(header: #"{"alg":"RS256","crit":["exp"]}"#)) == .malformed)
        #expect(problem("a.b") == .malformed)
        #expect(problem("één.twee.drie") == .malformed)
        #expect(problem("") == .malformed)
    }
}
