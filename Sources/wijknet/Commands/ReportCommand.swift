import Foundation
import Vapor
import WijknetCore
import WijknetStore
import WijknetWeb

/// `wijknet report --quarter 2026Q1 --municipality 0202 [--markdown] [--output FILE]`: the quarterly
/// council letter as printable HTML (or Markdown), with the texts policy staff wrote for it.
struct ReportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "quarter", help: "The quarter, e.g. 2026Q1 (default: the last complete one)")
        var quarter: String?
        @Option(name: "municipality", help: "CBS code, e.g. 0202 or GM0202")
        var municipality: String?
        @Flag(name: "markdown", help: "Markdown instead of HTML")
        var markdown: Bool
        @Option(name: "output", help: "Write to this file instead of standard output")
        var output: String?
    }

    var help: String { "Writes the quarterly council letter (raadsbrief) as HTML or Markdown" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let text = try await CouncilLetterReport.render(app, quarter: signature.quarter, municipalityCode: signature.municipality,
                                                        markdown: signature.markdown)
        if let output = signature.output {
            guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
                throw Refused(description: "Kan \(output) niet schrijven.")
            }
            context.console.print("Raadsbrief geschreven naar \(output).")
        } else {
            context.console.print(text)
        }
    }
}
