import Vapor
import WijknetCore
import WijknetStore
import WijknetWeb

/// `wijknet demo [--requests N]`: migrate and load the demo data into an empty database.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "requests", help: "Number of synthetic requests (default: 500 a year since the networks started, February 2025)")
        var requests: Int?
    }

    var help: String { "Loads demo data for Arnhem into an empty database" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let requests = signature.requests ?? DemoData.defaultRequests
        // Refused before anything is written: half a demo is worse than none.
        guard DemoData.requestRange.contains(requests) else {
            throw Refused(description: "--requests moet een getal van \(DemoData.requestRange.lowerBound) tot en met \(DemoData.requestRange.upperBound.formattedDutch) zijn.")
        }
        try await app.autoMigrate().get()
        try await KeyCheck.verify(app.vault, on: app.db)
        let seeded = try await DemoData.seedIfEmpty(app, requests: requests) { context.console.info($0) }
        context.console.print(seeded ? "Demodata geladen." : "De database bevat al gebruikers; er is niets toegevoegd.")
    }
}
