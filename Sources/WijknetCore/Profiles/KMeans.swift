import Dispatch
import Foundation

/// k-means clustering (Lloyd's algorithm) with k-means++ seeding, as the zelfredzaamheidprofielen
/// need it: reproducible from a seed, several initialisations keeping the one with the lowest
/// inertia, and the same stopping rule as scikit-learn (the centres moved less than `tolerance`
/// times the data's mean variance), so the two can be compared (bench/kmeans_sklearn.py).
/// Points are rows of `dimensions` values in one flat array; the work is split over all cores.
/// The seeding is in KMeansSeeding.swift, the iterations (with Hamerly's bounds) in KMeansIteration.swift.
public struct KMeans: Sendable {
    public let k: Int
    public let initialisations: Int
    public let maximumIterations: Int
    public let tolerance: Double
    public let seed: UInt64

    public init(k: Int, initialisations: Int = 10, maximumIterations: Int = 300, tolerance: Double = 1e-4, seed: UInt64 = 2017) {
        precondition(k >= 1 && initialisations >= 1 && maximumIterations >= 1)
        self.k = k
        self.initialisations = initialisations
        self.maximumIterations = maximumIterations
        self.tolerance = tolerance
        self.seed = seed
    }

    public struct Result: Sendable, Equatable {
        /// k rows of `dimensions` values.
        public let centres: [Double]
        /// Per point, the index of its centre.
        public let labels: [Int32]
        /// The sum of squared distances of the points to their centres.
        public let inertia: Double
        public let iterations: Int
    }

    public func fit(_ points: [Double], dimensions: Int) -> Result {
        let n = points.count / dimensions
        precondition(n >= k && points.count == n * dimensions, "need at least k whole points")
        var random = SeededRandom(seed: seed)
        let threshold = tolerance * Self.meanVariance(points, dimensions: dimensions)
        var best: Result?
        for _ in 0..<initialisations {
            let start = plusPlus(points, dimensions: dimensions, random: &random)
            let result = lloyd(points, dimensions: dimensions, centres: start, threshold: threshold)
            if best.map({ result.inertia < $0.inertia }) ?? true { best = result }
        }
        return best!
    }

    /// The nearest of `centres` to one point, and the squared distance.
    public static func nearest(_ point: UnsafeBufferPointer<Double>, centres: [Double], dimensions: Int) -> (index: Int, distance: Double) {
        centres.withUnsafeBufferPointer { c in nearest(point.baseAddress!, c.baseAddress!, count: c.count / dimensions, dimensions: dimensions) }
    }

    // MARK: the work

    @inline(__always)
    static func nearest(_ p: UnsafePointer<Double>, _ c: UnsafePointer<Double>, count: Int, dimensions d: Int) -> (index: Int, distance: Double) {
        var bestIndex = 0, bestDistance = Double.infinity
        for j in 0..<count {
            let distance = squaredDistance(p, c + j * d, dimensions: d)
            if distance < bestDistance { bestDistance = distance; bestIndex = j }
        }
        return (bestIndex, bestDistance)
    }

    /// One chunk per core, but none under 10,000 points: below that, threads cost more than they save.
    static func chunkCount(_ n: Int) -> Int { max(1, min(ProcessInfo.processInfo.activeProcessorCount, n / 10_000)) }

    /// Splits 0..<n into `chunkCount(n)` chunks and runs `body` on each at once.
    static func parallel(_ n: Int, _ body: (Range<Int>, Int) -> Void) {
        let chunks = chunkCount(n)
        // Each chunk writes only its own part of the buffers the body captures.
        nonisolated(unsafe) let body = body
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            body((n * chunk / chunks)..<(n * (chunk + 1) / chunks), chunk)
        }
    }

    /// Labels every point with its nearest centre and returns the inertia.
    static func inertia(_ points: [Double], dimensions d: Int, centres: [Double], labels: inout [Int32]) -> Double {
        let n = points.count / d
        let k = centres.count / d
        let chunks = chunkCount(n)
        var partial = [Double](repeating: 0, count: chunks)
        let blocks = CentreBlocks(centres, dimensions: d)
        points.withUnsafeBufferPointer { p in
            blocks.lanes.withUnsafeBufferPointer { c in
                labels.withUnsafeMutableBufferPointer { l in
                    partial.withUnsafeMutableBufferPointer { e in
                        parallel(n) { range, chunk in
                            var error = 0.0
                            for i in range {
                                let nearest = CentreBlocks.nearestTwo(p.baseAddress! + i * d, c.baseAddress!, count: k, dimensions: d)
                                l[i] = Int32(nearest.index)
                                error += nearest.first
                            }
                            e[chunk] = error
                        }
                    }
                }
            }
        }
        return partial.reduce(0, +)
    }

    static func meanVariance(_ points: [Double], dimensions d: Int) -> Double {
        let n = Double(points.count / d)
        var total = 0.0
        for x in 0..<d {
            var mean = 0.0, square = 0.0
            for i in stride(from: x, to: points.count, by: d) {
                mean += points[i]
                square += points[i] * points[i]
            }
            mean /= n
            total += square / n - mean * mean
        }
        return total / Double(d)
    }
}
