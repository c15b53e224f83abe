import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238): an HMAC of the number of 30-second steps since 1970,
/// cut to 6 digits (RFC 4226, dynamic truncation). What every usual authenticator app computes.
public enum TOTP {
    public enum Algorithm: Sendable { case sha1, sha256, sha512 }

    public static let stepSeconds: Int64 = 30
    public static let digits = 6
    /// Steps accepted either side of now: a phone clock 30 seconds off still signs in.
    public static let window: Int64 = 1

    public static func step(at date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) / stepSeconds }

    public static func code(secret: [UInt8], step: Int64, digits: Int = digits, algorithm: Algorithm = .sha1) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Array($0) }
        let key = SymmetricKey(data: secret)
        let mac: [UInt8] = switch algorithm {
        case .sha1: Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key))
        case .sha256: Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        case .sha512: Array(HMAC<SHA512>.authenticationCode(for: message, using: key))
        }
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let value = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let number = String(value % modulus)
        return String(repeating: "0", count: digits - number.count) + number
    }

    /// The step within the window whose code `code` is, or nil. The caller refuses a step it has
    /// accepted before, so a code works once.
    public static func matchingStep(_ code: String, secret: [UInt8], at date: Date) -> Int64? {
        let now = step(at: date)
        // Compare every candidate, so the time taken does not tell which step matched.
        var found: Int64?
        for candidate in (now - window)...(now + window) {
            let expected = Array(Self.code(secret: secret, step: candidate).utf8)
            let given = Array(code.utf8)
            var difference = UInt8(expected.count == given.count ? 0 : 1)
            for (a, b) in zip(expected, given) { difference |= a ^ b }
            if difference == 0 && found == nil { found = candidate }
        }
        return found
    }

    /// 20 random bytes, as RFC 4226 recommends (160 bits, the size of SHA-1).
    public static func newSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
