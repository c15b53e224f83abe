import Vapor
import WijknetBench
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
        @Option(name: "json", help: "With --national or --profiles: write the results to this file, for the scripts in bench/")
        var json: String?
        @Flag(name: "profiles", help: "Derive zelfredzaamheidprofielen (k-means) from synthetic ZRM scores, for bench/kmeans_sklearn.py")
        var profiles: Bool
        @Option(name: "assessments", help: "With --profiles: the number of assessments (default 1000000)")
        var assessments: Int?
        @Flag(name: "accounts", help: "Sign-in with a second factor, and a partner's inbox with 10,000 open items among --requests (issue 15)")
        var accounts: Bool
        @Option(name: "data", help: "With --profiles: write the scores to this file (little-endian doubles, 13 per assessment)")
        var data: String?
    }

    var help: String { "Creates synthetic requests and measures the request list and case page" }

    func run(using context: CommandContext, signature: Signature) async throws {
        if signature.profiles {
            context.console.print(try ProfileBenchmark.run(assessments: signature.assessments ?? 1_000_000, data: signature.data, json: signature.json))
            return
        }
        if signature.accounts {
            context.console.print(try await AccountsBenchmark.run(context.application, requests: signature.requests ?? 1_000_000,
                                                                  samples: signature.samples ?? 200) { context.console.info($0) })
            return
        }
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
