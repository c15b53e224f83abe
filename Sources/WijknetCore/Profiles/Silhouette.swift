import Foundation

/// The silhouette score of a clustering: per point, how much closer it lies to its own cluster
/// than to the nearest other one, from -1 to 1, averaged (as scikit-learn's `silhouette_score`).
/// It costs n² distances, so for many points it is computed on a seeded sample.
public enum Silhouette {
    public static func score(_ points: [Double], dimensions d: Int, labels: [Int32]) -> Double {
        let n = labels.count
        let k = Int(labels.max() ?? 0) + 1
        let sizes = labels.reduce(into: [Int](repeating: 0, count: k)) { $0[Int($1)] += 1 }
        guard sizes.filter({ $0 > 0 }).count > 1 else { return 0 }
        var total = 0.0
        var sums = [Double](repeating: 0, count: k)
        for i in 0..<n {
            for j in 0..<k { sums[j] = 0 }
            for other in 0..<n where other != i {
                var squared = 0.0
                for x in 0..<d {
                    let delta = points[i * d + x] - points[other * d + x]
                    squared += delta * delta
                }
                sums[Int(labels[other])] += squared.squareRoot()
            }
            let own = Int(labels[i])
            // A point alone in its cluster scores 0.
            guard sizes[own] > 1 else { continue }
            let a = sums[own] / Double(sizes[own] - 1)
            let b = (0..<k).filter { $0 != own && sizes[$0] > 0 }.map { sums[$0] / Double(sizes[$0]) }.min()!
            total += (b - a) / max(a, b)
        }
        return total / Double(n)
    }

    /// For each k in `range`: the silhouette of k-means on a sample of at most `sample` points,
    /// the same sample for every k. The analyst picks; the highest is proposed.
    public static func scores(_ points: [Double], dimensions d: Int, range: ClosedRange<Int>, sample: Int = 2_000,
                              seed: UInt64 = 2017) -> [(k: Int, score: Double)] {
        let n = points.count / d
        var random = SeededRandom(seed: seed)
        let chosen = n <= sample ? Array(0..<n) : Array((0..<n).shuffled(using: &random).prefix(sample))
        let subset = chosen.flatMap { points[($0 * d)..<($0 * d + d)] }
        return range.filter { $0 >= 2 && $0 < chosen.count }.map { k in
            let result = KMeans(k: k, initialisations: 3, seed: seed).fit(subset, dimensions: d)
            return (k, score(subset, dimensions: d, labels: result.labels))
        }
    }
}
