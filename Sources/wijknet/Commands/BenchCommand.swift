import Vapor
import WijknetWeb

/// `wijknet bench`: measures insert rate and page latencies on the configured database.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "requests", help: "Number of synthetic requests to create (default 100000)")
        var requests: Int?
        @Option(name: "through-services", help: "How many of them go through the services, timing the write path (default 1000)")
        var throughServices: Int?
        @Option(name: "samples", help: "Number of timed reads per measurement (default 200)")
        var samples: Int?
    }

    var help: String { "Creates synthetic requests and measures the request list and case page" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let report = try await Benchmark.run(context.application, requests: signature.requests ?? 100_000,
                                             throughServices: signature.throughServices ?? 1_000,
                                             samples: signature.samples ?? 200) { context.console.info($0) }
        context.console.print(report)
    }
}
