import Foundation
import Vapor
import WijknetStore
import WijknetWeb

/// `wijknet keys rotate --to FILE`: re-seals every BSN under the key in FILE (32 random bytes,
/// base64), with the configured key as the old one. Stop every Wijknet instance first and start
/// them again with the new key afterwards: the old key no longer opens the data (docs/security.md).
struct KeysCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "rotate")
        var action: String
        @Option(name: "to", help: "A file with the new key (32 bytes, base64)")
        var to: String?
    }

    var help: String { "Replaces the BSN key (wijknet keys rotate --to NEW.key)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "rotate", let path = signature.to else {
            throw Refused(description: "Gebruik: wijknet keys rotate --to NIEUWE-SLEUTEL.key (maak die met: head -c 32 /dev/urandom | base64)")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw Refused(description: "Het sleutelbestand \(path) is niet te lezen.") }
        let new: BSNVault
        do { new = try BSNVault(base64: text) } catch { throw Refused(description: "De nieuwe sleutel: \(error)") }
        let app = context.application
        let console = context.console
        let count: Int
        do {
            count = try await BSNKeyRotation(db: app.db).rotate(from: app.vault, to: new) { done, total in
                console.print("  \(done) van \(total) BSN's opnieuw versleuteld")
            }
        } catch let refusal as BSNKeyRotation.Refusal {
            throw Refused(description: "Sleutelwissel geweigerd: \(refusal)")
        }
        console.print("Klaar: \(count) BSN's versleuteld met de nieuwe sleutel. Start Wijknet voortaan met WIJKNET_BSN_KEY_FILE=\(path) "
            + "(of die sleutel in WIJKNET_BSN_KEY); met de oude sleutel start Wijknet niet meer. Bewaar de oude sleutel niet.")
    }
}
