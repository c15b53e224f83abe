import Dispatch
import Foundation

/// k-means clustering (Lloyd's algorithm) with k-means++ seeding, as the zelfredzaamheidprofielen
/// need it: reproducible from a seed, several initialisations keeping the one with the lowest
/// inertia, and the same stopping rule as scikit-learn (the centres moved less than `tolerance`
/// times the data's mean variance), so the two can be compared (bench/kmeans_sklearn.py).
/// Points are rows of `dimensions` values in one flat array; the work is split over all cores.
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
            var sum = 0.0
            let centre = c + j * d
            for x in 0..<d {
                let delta = p[x] - centre[x]
                sum += delta * delta
            }
            if sum < bestDistance { bestDistance = sum; bestIndex = j }
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

    /// Greedy k-means++ (as scikit-learn): each next centre is the best of 2 + ln k candidates
    /// drawn with probability proportional to the squared distance to the nearest centre so far.
    func plusPlus(_ points: [Double], dimensions d: Int, random: inout SeededRandom) -> [Double] {
        let n = points.count / d
        let trials = 2 + Int(log(Double(k)))
        var centres = [Double](); centres.reserveCapacity(k * d)
        let first = Int.random(in: 0..<n, using: &random)
        centres.append(contentsOf: points[(first * d)..<(first * d + d)])
        var closest = [Double](repeating: 0, count: n)
        points.withUnsafeBufferPointer { p in
            closest.withUnsafeMutableBufferPointer { out in
                let centre = Array(centres)
                Self.parallel(n) { range, _ in
                    centre.withUnsafeBufferPointer { c in
                        for i in range { out[i] = Self.nearest(p.baseAddress! + i * d, c.baseAddress!, count: 1, dimensions: d).distance }
                    }
                }
            }
        }
        var potential = closest.reduce(0, +)
        let chunks = Self.chunkCount(n)
        while centres.count < k * d {
            // Candidates by inverse transform sampling on the running sum of `closest`: all draws in one scan.
            let targets = (0..<trials).map { _ in Double.random(in: 0..<1, using: &random) * potential }
            var candidates = [Int](repeating: n - 1, count: trials)
            var order = Array(0..<trials).sorted { targets[$0] < targets[$1] }[...]
            var running = 0.0
            for (i, value) in closest.enumerated() where !order.isEmpty {
                running += value
                while let next = order.first, targets[next] < running {
                    candidates[next] = i
                    order = order.dropFirst()
                }
            }
            // One pass scores every candidate: the potential if it were the next centre.
            let candidateCentres = candidates.flatMap { points[($0 * d)..<($0 * d + d)] }
            var scores = [Double](repeating: 0, count: chunks * trials)
            points.withUnsafeBufferPointer { p in
                closest.withUnsafeBufferPointer { current in
                    candidateCentres.withUnsafeBufferPointer { c in
                        scores.withUnsafeMutableBufferPointer { out in
                            Self.parallel(n) { range, chunk in
                                for i in range {
                                    let point = p.baseAddress! + i * d
                                    for t in 0..<trials {
                                        let distance = Self.nearest(point, c.baseAddress! + t * d, count: 1, dimensions: d).distance
                                        out[chunk * trials + t] += min(current[i], distance)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            let totals = (0..<trials).map { t in (0..<chunks).reduce(0.0) { $0 + scores[$1 * trials + t] } }
            let best = (0..<trials).min { totals[$0] < totals[$1] }!
            let centre = Array(candidateCentres[(best * d)..<(best * d + d)])
            centres.append(contentsOf: centre)
            // A second pass moves every point's distance to the chosen centre where it is nearer.
            points.withUnsafeBufferPointer { p in
                closest.withUnsafeMutableBufferPointer { out in
                    centre.withUnsafeBufferPointer { c in
                        Self.parallel(n) { range, _ in
                            for i in range {
                                let distance = Self.nearest(p.baseAddress! + i * d, c.baseAddress!, count: 1, dimensions: d).distance
                                if distance < out[i] { out[i] = distance }
                            }
                        }
                    }
                }
            }
            potential = totals[best]
        }
        return centres
    }

    func lloyd(_ points: [Double], dimensions d: Int, centres start: [Double], threshold: Double) -> Result {
        let n = points.count / d
        var centres = start
        var labels = [Int32](repeating: 0, count: n)
        var iterations = 0
        var inertia = 0.0
        let chunks = Self.chunkCount(n)
        while true {
            iterations += 1
            // Assign, summing per chunk so the cores never write to the same place.
            var sums = [Double](repeating: 0, count: chunks * k * d)
            var counts = [Int](repeating: 0, count: chunks * k)
            var partial = [Double](repeating: 0, count: chunks)
            var changes = [Int](repeating: 0, count: chunks)
            let first = iterations == 1
            points.withUnsafeBufferPointer { p in
                centres.withUnsafeBufferPointer { c in
                    labels.withUnsafeMutableBufferPointer { l in
                        sums.withUnsafeMutableBufferPointer { s in
                            counts.withUnsafeMutableBufferPointer { m in
                                partial.withUnsafeMutableBufferPointer { e in
                                    changes.withUnsafeMutableBufferPointer { changed in
                                        Self.parallel(n) { range, chunk in
                                            var error = 0.0
                                            let sum = s.baseAddress! + chunk * k * d
                                            for i in range {
                                                let point = p.baseAddress! + i * d
                                                let (j, distance) = Self.nearest(point, c.baseAddress!, count: k, dimensions: d)
                                                if first || l[i] != Int32(j) { changed[chunk] += 1 }
                                                l[i] = Int32(j)
                                                error += distance
                                                m[chunk * k + j] += 1
                                                for x in 0..<d { sum[j * d + x] += point[x] }
                                            }
                                            e[chunk] = error
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            inertia = partial.reduce(0, +)
            // Strict convergence, as scikit-learn: no point changed its centre, so the centres stay.
            if changes.reduce(0, +) == 0 { break }
            // New centres; an empty cluster keeps its centre.
            var next = centres
            for j in 0..<k {
                let count = (0..<chunks).reduce(0) { $0 + counts[$1 * k + j] }
                guard count > 0 else { continue }
                for x in 0..<d {
                    next[j * d + x] = (0..<chunks).reduce(0.0) { $0 + sums[$1 * k * d + j * d + x] } / Double(count)
                }
            }
            let shift = zip(next, centres).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            centres = next
            if shift <= threshold || iterations >= maximumIterations { break }
        }
        // The inertia of the final centres (the loop's is that of the centres before the last move).
        inertia = Self.inertia(points, dimensions: d, centres: centres, labels: &labels)
        return Result(centres: centres, labels: labels, inertia: inertia, iterations: iterations)
    }

    /// Labels every point with its nearest centre and returns the inertia.
    static func inertia(_ points: [Double], dimensions d: Int, centres: [Double], labels: inout [Int32]) -> Double {
        let n = points.count / d
        let k = centres.count / d
        let chunks = chunkCount(n)
        var partial = [Double](repeating: 0, count: chunks)
        points.withUnsafeBufferPointer { p in
            centres.withUnsafeBufferPointer { c in
                labels.withUnsafeMutableBufferPointer { l in
                    partial.withUnsafeMutableBufferPointer { e in
                        parallel(n) { range, chunk in
                            var error = 0.0
                            for i in range {
                                let (j, distance) = nearest(p.baseAddress! + i * d, c.baseAddress!, count: k, dimensions: d)
                                l[i] = Int32(j)
                                error += distance
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
