import Vapor
import WijknetStore
import WijknetWeb

/// `wijknet demo [--requests N]`: migrate and load the demo data into an empty database.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "requests", help: "Number of synthetic requests (default 500)")
        var requests: Int?
    }

    var help: String { "Loads demo data for Arnhem into an empty database" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate().get()
        try await KeyCheck.verify(app.vault, on: app.db)
        let seeded = try await DemoData.seedIfEmpty(app, requests: signature.requests ?? DemoData.defaultRequests) { context.console.info($0) }
        context.console.print(seeded ? "Demodata geladen." : "De database bevat al gebruikers; er is niets toegevoegd.")
    }
}
