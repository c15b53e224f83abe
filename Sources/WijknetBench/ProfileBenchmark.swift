import Foundation
import WijknetCore
import WijknetStore

/// `wijknet bench --profiles`: derives zelfredzaamheidprofielen from synthetic ZRM scores (a
/// million assessments × 13 domains by default, k = 8, 10 initialisations, at most 300
/// iterations) and times it, with the time to classify one new assessment. It writes the scores
/// (little-endian doubles) and its result, so bench/kmeans_sklearn.py can run scikit-learn's
/// KMeans on the very same data and compare.
public enum ProfileBenchmark {
    public static func run(assessments: Int, k: Int = 8, initialisations: Int = 10, data: String?, json: String?) throws -> String {
        let d = LifeDomain.allCases.count
        let points = scores(assessments, dimensions: d)
        if let data {
            try points.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: data)) }
        }
        let kmeans = KMeans(k: k, initialisations: initialisations, maximumIterations: 300, seed: 2017)
        let start = ContinuousClock.now
        let result = kmeans.fit(points, dimensions: d)
        let seconds = (ContinuousClock.now - start).seconds

        // Classifying one new assessment: its nearest centre.
        let samples = 100_000
        var sink = 0
        let classify = ContinuousClock.now
        points.withUnsafeBufferPointer { p in
            for i in 0..<samples {
                let row = i % assessments
                sink &+= KMeans.nearest(UnsafeBufferPointer(rebasing: p[(row * d)..<(row * d + d)]), centres: result.centres, dimensions: d).index
            }
        }
        let microseconds = (ContinuousClock.now - classify).seconds * 1e6 / Double(samples)
        var lines = [
            "Wijknet profielen: \(assessments) ZRM-afnames × \(d) domeinen, k = \(k), \(initialisations) initialisaties, max. 300 iteraties",
            String(format: "k-means: %.2f s, inertie %.1f, %d iteraties in de beste run", seconds, result.inertia, result.iterations),
            String(format: "één afname indelen: %.3f µs (n=%d, controle %d)", microseconds, samples, sink % 10),
            "piekgeheugen van het proces: \(Benchmark.peakMemoryMB()) MB",
        ]
        for j in 0..<k {
            let centre = Array(result.centres[(j * d)..<(j * d + d)])
            lines.append("profiel \(j + 1): \(ProfileName.propose(centre: centre)), \(result.labels.filter { $0 == j }.count) afnames")
        }
        if let json {
            let summary: [String: Any] = ["seconds": seconds, "inertia": result.inertia, "k": k, "initialisations": initialisations,
                                          "assessments": assessments, "classifyMicroseconds": microseconds]
            try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys]).write(to: URL(fileURLWithPath: json))
        }
        return lines.joined(separator: "\n")
    }

    /// ZRM-like levels: eight latent patterns, each assessment one of them with noise, rounded to
    /// a level 1–5. Seeded, so every run scores the same residents.
    static func scores(_ n: Int, dimensions d: Int) -> [Double] {
        var random = SeededRandom(seed: 13)
        let patterns = (0..<8).map { _ in (0..<d).map { _ in Double.random(in: 1.5...4.8, using: &random) } }
        var points = [Double](); points.reserveCapacity(n * d)
        for _ in 0..<n {
            let pattern = random.pick(patterns)
            for x in 0..<d { points.append(min(5, max(1, (pattern[x] + Double.random(in: -1...1, using: &random)).rounded()))) }
        }
        return points
    }
}
