import Vapor
import WijknetStore

/// `wijknet audit verify`: checks the whole hash chain of the audit log and names the first entry
/// that was changed, removed or moved. Exits with status 1 when the chain is broken.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify")
        var action: String
    }

    struct ChainBroken: Error, CustomStringConvertible {
        let description: String
    }

    var help: String { "Verifies the audit log's hash chain (wijknet audit verify)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else {
            context.console.error("Onbekende actie '\(signature.action)'. Gebruik: wijknet audit verify")
            throw ChainBroken(description: "unknown action")
        }
        let (checked, problem) = try await AuditLog.verify(on: context.application.db)
        if let problem {
            context.console.error("Auditlog NIET intact na \(checked) gecontroleerde regels: \(problem)")
            throw ChainBroken(description: problem.description)
        }
        context.console.print("Auditlog intact: \(checked) regels, de keten en de kop kloppen.")
    }
}
