import Foundation
import Testing
@testable import WijknetCore
@testable import WijknetStore

/// RFC 6238's test vectors (appendix B): the seeds are the ASCII digits "1234567890" repeated to
/// the hash's size, 8 digits, 30-second steps.
@Suite struct TOTPTests {
    static let vectors: [(time: Int64, sha1: String, sha256: String, sha512: String)] = [
        (59, "94287082", "46119246", "90693936"),
        (1111111109, "07081804", "68084774", "25091201"),
        (1111111111, "14050471", "67062674", "99943326"),
        (1234567890, "89005924", "91819424", "93441116"),
        (2000000000, "69279037", "90698825", "38618901"),
        (20000000000, "65353130", "77737706", "47863826"),
    ]

    static func seed(_ length: Int) -> [UInt8] { Array(String(repeating: "1234567890", count: 7).utf8.prefix(length)) }

    @Test func theRFCVectors() {
        for v in Self.vectors {
            let step = TOTP.step(at: Date(timeIntervalSince1970: Double(v.time)))
            #expect(TOTP.code(secret: Self.seed(20), step: step, digits: 8, algorithm: .sha1) == v.sha1, "\(v.time)")
            #expect(TOTP.code(secret: Self.seed(32), step: step, digits: 8, algorithm: .sha256) == v.sha256, "\(v.time)")
            #expect(TOTP.code(secret: Self.seed(64), step: step, digits: 8, algorithm: .sha512) == v.sha512, "\(v.time)")
        }
    }

    @Test func aCodeOneStepOffIsAcceptedTwoStepsOffIsNot() {
        let secret = Self.seed(20)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let step = TOTP.step(at: now)
        let code = TOTP.code(secret: secret, step: step)
        #expect(code.count == 6)
        #expect(TOTP.matchingStep(code, secret: secret, at: now) == step)
        #expect(TOTP.matchingStep(code, secret: secret, at: now.addingTimeInterval(30)) == step, "the phone a step behind")
        #expect(TOTP.matchingStep(code, secret: secret, at: now.addingTimeInterval(-30)) == step, "the phone a step ahead")
        #expect(TOTP.matchingStep(code, secret: secret, at: now.addingTimeInterval(61)) == nil)
        let wrong = String(code.map { $0 == "9" ? "0" : Character(String(Int(String($0))! + 1)) })
        #expect(TOTP.matchingStep(wrong, secret: secret, at: now) == nil)
        #expect(TOTP.matchingStep("", secret: secret, at: now) == nil)
    }

    @Test func base32RoundTripsAndReadsWhatPeopleType() {
        let secret = Array("12345678901234567890".utf8)
        #expect(Base32.encode(secret) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(Base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq") == secret)
        #expect(Base32.encode(Array("foobar".utf8)) == "MZXW6YTBOI")
        #expect(Base32.decode("MZXW6YTBOI======") == Array("foobar".utf8))
        #expect(Base32.decode("MZXW1") == nil, "1 is not in the alphabet")
    }
}
