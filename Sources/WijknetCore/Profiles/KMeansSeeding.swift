import Foundation

extension KMeans {
    /// Greedy k-means++ (as scikit-learn): each next centre is the best of 2 + ln k candidates
    /// drawn with probability proportional to the squared distance to the nearest centre so far.
    func plusPlus(_ points: [Double], dimensions d: Int, random: inout SeededRandom) -> [Double] {
        let n = points.count / d
        let trials = 2 + Int(log(Double(k)))
        var centres = [Double](); centres.reserveCapacity(k * d)
        let first = Int.random(in: 0..<n, using: &random)
        centres.append(contentsOf: points[(first * d)..<(first * d + d)])
        // Per point, the squared distance to its nearest centre so far.
        var closest = [Double](repeating: 0, count: n)
        points.withUnsafeBufferPointer { p in
            closest.withUnsafeMutableBufferPointer { out in
                let centre = Array(centres)
                Self.parallel(n) { range, _ in
                    centre.withUnsafeBufferPointer { c in
                        for i in range { out[i] = Self.squaredDistance(p.baseAddress! + i * d, c.baseAddress!, dimensions: d) }
                    }
                }
            }
        }
        var potential = closest.reduce(0, +)
        let chunks = Self.chunkCount(n)
        // Per candidate and point, `closest` as it would be with that candidate as the next centre:
        // the chosen candidate's row becomes `closest`, so one pass over the points serves both.
        var candidateClosest = [Double](repeating: 0, count: trials * n)
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
            let blocks = CentreBlocks(candidateCentres, dimensions: d)
            var scores = [Double](repeating: 0, count: chunks * trials)
            points.withUnsafeBufferPointer { p in
                closest.withUnsafeBufferPointer { current in
                    blocks.lanes.withUnsafeBufferPointer { c in
                        candidateClosest.withUnsafeMutableBufferPointer { next in
                            scores.withUnsafeMutableBufferPointer { out in
                                Self.parallel(n) { range, chunk in
                                    // Summed locally: cores writing next to each other in `scores` would share a cache line.
                                    var totals = [Double](repeating: 0, count: trials)
                                    for i in range {
                                        let point = p.baseAddress! + i * d
                                        var block = 0
                                        while block * 8 < trials {
                                            let distances = CentreBlocks.squaredDistances(point, c.baseAddress! + block * d, dimensions: d)
                                            for t in (block * 8)..<Swift.min(trials, block * 8 + 8) {
                                                let nearer = Swift.min(current[i], distances[t - block * 8])
                                                next[t * n + i] = nearer
                                                totals[t] += nearer
                                            }
                                            block += 1
                                        }
                                    }
                                    for t in 0..<trials { out[chunk * trials + t] = totals[t] }
                                }
                            }
                        }
                    }
                }
            }
            let totals = (0..<trials).map { t in (0..<chunks).reduce(0.0) { $0 + scores[$1 * trials + t] } }
            let best = (0..<trials).min { totals[$0] < totals[$1] }!
            centres.append(contentsOf: candidateCentres[(best * d)..<(best * d + d)])
            closest.withUnsafeMutableBufferPointer { out in
                candidateClosest.withUnsafeBufferPointer { next in
                    _ = out.update(fromContentsOf: next[(best * n)..<(best * n + n)])
                }
            }
            potential = totals[best]
        }
        return centres
    }

    @inline(__always)
    static func squaredDistance(_ p: UnsafePointer<Double>, _ c: UnsafePointer<Double>, dimensions d: Int) -> Double {
        var sum = 0.0
        for x in 0..<d {
            let delta = p[x] - c[x]
            sum += delta * delta
        }
        return sum
    }
}
