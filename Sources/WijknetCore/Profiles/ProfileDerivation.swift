/// Zelfredzaamheidprofielen from ZRM 2017 score vectors: k-means with a fixed seed, k chosen by
/// the analyst or proposed by the silhouette score, and a name proposed per profile.
public struct ProfileDerivation: Sendable, Equatable {
    public struct Profile: Sendable, Equatable {
        /// 1…k, by size: profile 1 holds the most assessments.
        public let number: Int
        public let name: String
        /// The mean level per domain, in `LifeDomain.allCases` order.
        public let centre: [Double]
        public let size: Int
    }

    public let profiles: [Profile]
    /// Per input vector, the number of its profile.
    public let numbers: [Int]
    public let inertia: Double
    /// Per k tried, the silhouette score, when k was proposed rather than chosen.
    public let silhouettes: [Int: Double]

    /// The seed every derivation uses, so the same assessments give the same profiles.
    public static let seed: UInt64 = 2017
    public static let proposalRange = 2...8
    public static var dimensions: Int { LifeDomain.allCases.count }

    /// - Parameters:
    ///   - vectors: complete assessments, 13 levels each, in `LifeDomain.allCases` order.
    ///   - k: the number of profiles; nil to take the k with the best silhouette in `proposalRange`.
    public static func derive(_ vectors: [[Int]], k: Int?) -> ProfileDerivation? {
        let d = dimensions
        let points = vectors.flatMap { $0.map(Double.init) }
        var silhouettes: [Int: Double] = [:]
        let chosen: Int
        if let k {
            chosen = k
        } else {
            let scores = Silhouette.scores(points, dimensions: d, range: proposalRange, seed: seed)
            silhouettes = Dictionary(uniqueKeysWithValues: scores.map { ($0.k, $0.score) })
            guard let best = scores.max(by: { $0.score < $1.score }) else { return nil }
            chosen = best.k
        }
        guard chosen >= 1, vectors.count >= chosen else { return nil }
        let result = KMeans(k: chosen, initialisations: 10, seed: seed).fit(points, dimensions: d)
        // Number the clusters by size, largest first, so the numbering does not depend on the seeding.
        let sizes = (0..<chosen).map { j in result.labels.lazy.filter { $0 == j }.count }
        let order = (0..<chosen).sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        var number = [Int](repeating: 0, count: chosen)
        for (rank, cluster) in order.enumerated() { number[cluster] = rank + 1 }
        let profiles = order.map { cluster in
            let centre = Array(result.centres[(cluster * d)..<(cluster * d + d)])
            return Profile(number: number[cluster], name: ProfileName.propose(centre: centre), centre: centre, size: sizes[cluster])
        }
        return ProfileDerivation(profiles: profiles, numbers: result.labels.map { number[Int($0)] }, inertia: result.inertia,
                                 silhouettes: silhouettes)
    }

    /// The profile of one new assessment under a set of centres: the nearest, by number.
    public static func classify(_ vector: [Int], centres: [(number: Int, centre: [Double])]) -> Int? {
        let point = vector.map(Double.init)
        guard point.count == dimensions, !centres.isEmpty else { return nil }
        let flat = centres.flatMap(\.centre)
        let nearest = point.withUnsafeBufferPointer { KMeans.nearest($0, centres: flat, dimensions: dimensions) }
        return centres[nearest.index].number
    }
}
