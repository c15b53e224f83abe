import Foundation

extension KMeans {
    /// Lloyd's iterations, with Hamerly's bounds to skip distances that cannot change a label.
    /// Per point it keeps an upper bound on the distance to its own centre and a lower bound on the
    /// distance to any other; when the centres move, the bounds move by as much. A point whose upper
    /// bound is below its lower bound, or below half the gap from its centre to the nearest other
    /// centre, keeps its centre without a single distance computed. The labels, centres and number
    /// of iterations are those of plain Lloyd (a test holds them against it); once the profiles
    /// settle, most points are skipped, which is where the time goes.
    func lloyd(_ points: [Double], dimensions d: Int, centres start: [Double], threshold: Double) -> Result {
        let n = points.count / d
        let chunks = Self.chunkCount(n)
        var centres = start
        var labels = [Int32](repeating: 0, count: n)
        var upper = [Double](repeating: 0, count: n)
        var lower = [Double](repeating: 0, count: n)
        // How far each centre moved in the last step; the bounds catch up when a point is next read.
        var moved = [Double](repeating: 0, count: k)
        var iterations = 0
        while true {
            iterations += 1
            let first = iterations == 1
            let blocks = CentreBlocks(centres, dimensions: d)
            let halfGap = Self.halfGaps(centres, dimensions: d, k: k)
            let moves = moved
            let (farthest, farthestMove, secondMove) = Self.largestTwo(moves)
            var sums = [Double](repeating: 0, count: chunks * k * d)
            var counts = [Int](repeating: 0, count: chunks * k)
            var changes = [Int](repeating: 0, count: chunks)
            points.withUnsafeBufferPointer { p in
                centres.withUnsafeBufferPointer { c in
                    blocks.lanes.withUnsafeBufferPointer { lanes in
                        labels.withUnsafeMutableBufferPointer { l in
                            upper.withUnsafeMutableBufferPointer { u in
                                lower.withUnsafeMutableBufferPointer { lo in
                                    sums.withUnsafeMutableBufferPointer { s in
                                        counts.withUnsafeMutableBufferPointer { m in
                                            changes.withUnsafeMutableBufferPointer { changed in
                                                Self.parallel(n) { range, chunk in
                                                    // Counted locally: cores writing next to each other would share cache lines.
                                                    let sum = UnsafeMutableBufferPointer<Double>.allocate(capacity: k * d)
                                                    let count = UnsafeMutableBufferPointer<Int>.allocate(capacity: k)
                                                    sum.initialize(repeating: 0)
                                                    count.initialize(repeating: 0)
                                                    defer { sum.deallocate(); count.deallocate() }
                                                    var relabelled = 0
                                                    for i in range {
                                                        let point = p.baseAddress! + i * d
                                                        var own = Int(l[i])
                                                        var exact = first
                                                        if !first {
                                                            u[i] += moves[own]
                                                            lo[i] -= own == farthest ? secondMove : farthestMove
                                                            let bound = Swift.max(lo[i], halfGap[own])
                                                            if !Self.certainlyBelow(u[i], bound) {
                                                                u[i] = Self.squaredDistance(point, c.baseAddress! + own * d, dimensions: d).squareRoot()
                                                                exact = !Self.certainlyBelow(u[i], bound)
                                                            }
                                                        }
                                                        if exact {
                                                            let nearest = CentreBlocks.nearestTwo(point, lanes.baseAddress!, count: k, dimensions: d)
                                                            if first || nearest.index != own { relabelled += 1 }
                                                            own = nearest.index
                                                            l[i] = Int32(own)
                                                            u[i] = nearest.first.squareRoot()
                                                            lo[i] = nearest.second.squareRoot()
                                                        }
                                                        count[own] += 1
                                                        for x in 0..<d { sum[own * d + x] += point[x] }
                                                    }
                                                    for j in 0..<(k * d) { s[chunk * k * d + j] = sum[j] }
                                                    for j in 0..<k { m[chunk * k + j] = count[j] }
                                                    changed[chunk] = relabelled
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
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
            var shift = 0.0
            for j in 0..<k {
                let step = zip(next[(j * d)..<(j * d + d)], centres[(j * d)..<(j * d + d)]).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
                moved[j] = step.squareRoot()
                shift += step
            }
            centres = next
            if shift <= threshold || iterations >= maximumIterations { break }
        }
        // The inertia of the final centres (the loop's is that of the centres before the last move).
        let inertia = Self.inertia(points, dimensions: d, centres: centres, labels: &labels)
        return Result(centres: centres, labels: labels, inertia: inertia, iterations: iterations)
    }

    /// Whether an upper bound is below a lower one with room to spare: the bounds are sums of
    /// rounded square roots, so a point is skipped only when rounding cannot have decided it, and
    /// a tie is always computed (Lloyd gives a tie to the lowest index).
    @inline(__always)
    static func certainlyBelow(_ upper: Double, _ bound: Double) -> Bool {
        upper < bound * (1 - 1e-9)
    }

    /// Per centre, half the distance to the nearest other centre: a point nearer to its centre
    /// than that cannot be nearer to another (triangle inequality). Infinity for a single centre.
    static func halfGaps(_ centres: [Double], dimensions d: Int, k: Int) -> [Double] {
        var gaps = [Double](repeating: .infinity, count: k)
        centres.withUnsafeBufferPointer { c in
            for a in 0..<k {
                for b in (a + 1)..<k {
                    let half = squaredDistance(c.baseAddress! + a * d, c.baseAddress! + b * d, dimensions: d).squareRoot() / 2
                    gaps[a] = Swift.min(gaps[a], half)
                    gaps[b] = Swift.min(gaps[b], half)
                }
            }
        }
        return gaps
    }

    /// The index of the largest value, that value, and the largest of the others (0 if none).
    static func largestTwo(_ values: [Double]) -> (index: Int, largest: Double, second: Double) {
        var index = 0, largest = 0.0, second = 0.0
        for (j, value) in values.enumerated() {
            if value > largest {
                second = largest
                largest = value
                index = j
            } else if value > second {
                second = value
            }
        }
        return (index, largest, second)
    }
}
