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
        @Flag(name: "national", help: "The whole country: 342 municipalities, 2 million residents, 10 million assignments (docs/performance.md)")
        var national: Bool
        @Option(name: "scale", help: "With --national: a fraction of the country, e.g. 0.01 for a trial run (default 1)")
        var scale: Double?
        @Option(name: "json", help: "With --national: write the figures to this file, for bench/duckdb_figures.py")
        var json: String?
    }

    var help: String { "Creates synthetic requests and measures the request list and case page" }

    func run(using context: CommandContext, signature: Signature) async throws {
        if signature.national {
            let report = try await NationalBenchmark.run(context.application, scale: signature.scale ?? 1, samples: signature.samples ?? 50,
                                                         json: signature.json) { context.console.info($0) }
            context.console.print(report)
            return
        }
        let report = try await Benchmark.run(context.application, requests: signature.requests ?? 100_000,
                                             throughServices: signature.throughServices ?? 1_000,
                                             samples: signature.samples ?? 200) { context.console.info($0) }
        context.console.print(report)
    }
}
