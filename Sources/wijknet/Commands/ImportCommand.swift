import Foundation
import Vapor
import WijknetCore
import WijknetStore

/// `wijknet import assignments FILE.csv`: the assignments from the system before Wijknet
/// (docs/import.md). The whole file is checked first; with any problem every one is listed and
/// nothing is stored (exit status 1). Rows already imported (same bron_id) are skipped.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind", help: "assignments")
        var kind: String
        @Argument(name: "file", help: "The CSV file (UTF-8, ; or ,)")
        var file: String
    }

    var help: String { "Imports assignments from before Wijknet (wijknet import assignments FILE.csv)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let console = context.console
        guard signature.kind == "assignments" else { throw Refused(description: "Onbekend soort import '\(signature.kind)'. Gebruik: wijknet import assignments BESTAND.csv") }
        guard let data = FileManager.default.contents(atPath: signature.file) else { throw Refused(description: "Het bestand \(signature.file) is niet te lezen.") }
        guard let text = String(data: data, encoding: .utf8) else { throw Refused(description: "Het bestand is geen UTF-8-tekst.") }
        let importer = HistoryImport(db: context.application.db, actor: HistoryImport.operatorRun)
        switch try await importer.check(text) {
        case .refused(let problems):
            for problem in problems {
                console.print("regel \(problem.line)\(problem.column.isEmpty ? "" : ", \(problem.column)"): \(problem.message)")
            }
            throw Refused(description: "\(problems.count) problemen gevonden; er is niets geïmporteerd.")
        case .ready(let checked):
            console.print("Bestand goedgekeurd: \(checked.total) regels, \(checked.alreadyThere) al eerder geïmporteerd, \(checked.new) nieuw.")
            let started = ContinuousClock.now
            try await importer.apply(checked) { done in console.print("  \(done) van \(checked.new) opgeslagen") }
            let elapsed = started.duration(to: .now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            console.print("Klaar: \(checked.new) toewijzingen geïmporteerd in \(String(format: "%.1f", seconds)) s.")
        }
    }
}
