import Crypto
import Foundation
import WijknetCore

/// Keeps BSNs encrypted at rest. From one 256-bit master key it derives an AES-GCM key (to seal
/// the number) and an HMAC-SHA256 key (a look-up hash, so a BSN can be found without decrypting
/// every row). Neither the number nor the key is ever logged.
public struct BSNVault: Sendable {
    private let sealKey: SymmetricKey
    private let lookupKey: SymmetricKey
    private let pseudonymKey: SymmetricKey

    public enum KeyError: Error, CustomStringConvertible {
        case malformed
        /// Data sealed with another key cannot be opened with this one.
        case wrongKey

        public var description: String {
            switch self {
            case .malformed: "de sleutel moet 32 bytes zijn, base64-gecodeerd"
            case .wrongKey: "de sleutel past niet bij de gegevens in de database"
            }
        }
    }

    public init(masterKey: SymmetricKey) {
        sealKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: masterKey, info: Data("wijknet-bsn-seal-v1".utf8), outputByteCount: 32)
        lookupKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: masterKey, info: Data("wijknet-bsn-lookup-v1".utf8), outputByteCount: 32)
        pseudonymKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: masterKey, info: Data("wijknet-research-pseudonym-v1".utf8), outputByteCount: 32)
    }

    /// A key written as base64 (as in a key file or `WIJKNET_BSN_KEY`).
    public init(base64 text: String) throws {
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32 else {
            throw KeyError.malformed
        }
        self.init(masterKey: SymmetricKey(data: data))
    }

    /// A new random key, base64, for a key file.
    public static func newKey() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
    }

    public func seal(_ bsn: BSN) throws -> String {
        try seal(text: bsn.digits)
    }

    public func open(_ sealed: String) throws -> BSN {
        guard let bsn = BSN(try open(text: sealed)) else { throw KeyError.wrongKey }
        return bsn
    }

    /// The HMAC of the number, hex: equal BSNs give equal hashes, and without the key the hash
    /// cannot be tried against all numbers.
    func keyedHash(_ bsn: BSN) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(bsn.digits.utf8), using: lookupKey).map { String(format: "%02x", $0) }.joined()
    }

    /// How a resident of `area` is found by BSN (`Resident.bsnLookup`). Each area keeps its own
    /// record of a person: a BSN is unique within an area, and a coach who registers a resident
    /// known in another area neither finds nor learns of that record.
    public func lookup(_ bsn: BSN, in area: UUID) -> String {
        Resident.areaLookup(area: area, hash: keyedHash(bsn))
    }

    /// A resident's pseudonym for research exports: the same resident always gets the same one, so
    /// repeated assessments can be linked, but without the key it leads back to no one.
    public func pseudonym(_ resident: UUID) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(resident.uuidString.utf8), using: pseudonymKey).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    func seal(text: String) throws -> String {
        guard let combined = try AES.GCM.seal(Data(text.utf8), using: sealKey).combined else { throw KeyError.malformed }
        return combined.base64EncodedString()
    }

    func open(text sealed: String) throws -> String {
        guard let data = Data(base64Encoded: sealed) else { throw KeyError.wrongKey }
        do {
            let plain = try AES.GCM.open(try AES.GCM.SealedBox(combined: data), using: sealKey)
            return String(decoding: plain, as: UTF8.self)
        } catch {
            throw KeyError.wrongKey
        }
    }
}
