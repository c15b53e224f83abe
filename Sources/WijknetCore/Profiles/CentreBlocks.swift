/// The centres of a k-means step laid out for one point's distances to eight centres at once:
/// transposed in blocks of eight, so each domain costs one subtraction and one multiply-add over
/// eight lanes. Lanes past the last centre hold infinity and are never nearest.
/// Every lane does the same operations in the same order as a plain loop, so the distances are
/// bit for bit those of `KMeans.nearest`.
struct CentreBlocks {
    let count: Int
    let dimensions: Int
    /// Block b, domain x at `b * dimensions + x`.
    private(set) var lanes: [SIMD8<Double>]

    init(_ centres: [Double], dimensions d: Int) {
        count = centres.count / d
        dimensions = d
        lanes = Array(repeating: SIMD8(repeating: .infinity), count: (count + 7) / 8 * d)
        for j in 0..<count {
            for x in 0..<d { lanes[(j / 8) * d + x][j % 8] = centres[j * d + x] }
        }
    }

    /// The nearest centre to the point with its squared distance, and the squared distance to the
    /// second nearest (infinity with one centre). Ties go to the lowest index, as in `KMeans.nearest`.
    @inline(__always)
    static func nearestTwo(_ p: UnsafePointer<Double>, _ lanes: UnsafePointer<SIMD8<Double>>, count: Int, dimensions d: Int)
        -> (index: Int, first: Double, second: Double)
    {
        var index = 0, first = Double.infinity, second = Double.infinity
        var block = 0
        while block * 8 < count {
            let sum = squaredDistances(p, lanes + block * d, dimensions: d)
            for lane in 0..<Swift.min(8, count - block * 8) {
                let distance = sum[lane]
                if distance < first {
                    second = first
                    first = distance
                    index = block * 8 + lane
                } else if distance < second {
                    second = distance
                }
            }
            block += 1
        }
        return (index, first, second)
    }

    /// The squared distances from the point to the eight centres of one block.
    @inline(__always)
    static func squaredDistances(_ p: UnsafePointer<Double>, _ block: UnsafePointer<SIMD8<Double>>, dimensions d: Int) -> SIMD8<Double> {
        var sum = SIMD8<Double>()
        for x in 0..<d {
            let delta = SIMD8(repeating: p[x]) - block[x]
            sum += delta * delta
        }
        return sum
    }
}
