import Foundation
import Testing
@testable import WijknetCore

/// The zelfredzaamheidprofielen: k-means, the silhouette that proposes k, the proposed names, and
/// the mapping of the 2010 domains.
@Suite struct ProfileTests {
    /// Three clear clusters in 13 dimensions around known centres, with small seeded noise.
    func clusters(perCluster: Int, seed: UInt64) -> (points: [Double], centres: [[Double]]) {
        var random = SeededRandom(seed: seed)
        let centres: [[Double]] = [
            Array(repeating: 4.5, count: 13),
            [1.5, 2, 3, 1.5] + Array(repeating: 4.0, count: 9),
            Array(repeating: 4.0, count: 5) + [1.5, 2, 1.2] + Array(repeating: 3.8, count: 5),
        ]
        var points: [Double] = []
        for centre in centres {
            for _ in 0..<perCluster { points += centre.map { $0 + Double.random(in: -0.3...0.3, using: &random) } }
        }
        return (points, centres)
    }

    @Test func kMeansFindsHandMadeClusters() {
        let (points, centres) = clusters(perCluster: 200, seed: 1)
        let result = KMeans(k: 3, seed: 7).fit(points, dimensions: 13)
        // Every hand-made centre has a found centre within 0.1 in every domain...
        for centre in centres {
            let found = (0..<3).map { Array(result.centres[($0 * 13)..<($0 * 13 + 13)]) }
            #expect(found.contains { zip($0, centre).allSatisfy { abs($0 - $1) < 0.1 } })
        }
        // ...and the points of one hand-made cluster share one label.
        for cluster in 0..<3 { #expect(Set(result.labels[(cluster * 200)..<(cluster * 200 + 200)]).count == 1) }
        // Noise uniform in ±0.3 has variance 0.03 per domain: inertia ≈ 600 × 13 × 0.03.
        #expect(abs(result.inertia - 600 * 13 * 0.03) < 30)
    }

    @Test func theSameSeedGivesTheSameProfiles() {
        let (points, _) = clusters(perCluster: 100, seed: 2)
        let a = KMeans(k: 4, initialisations: 3, seed: 11).fit(points, dimensions: 13)
        let b = KMeans(k: 4, initialisations: 3, seed: 11).fit(points, dimensions: 13)
        #expect(a == b)
    }

    @Test func moreInitialisationsNeverGiveAWorseInertia() {
        let (points, _) = clusters(perCluster: 100, seed: 3)
        let one = KMeans(k: 5, initialisations: 1, seed: 4).fit(points, dimensions: 13)
        let ten = KMeans(k: 5, initialisations: 10, seed: 4).fit(points, dimensions: 13)
        #expect(ten.inertia <= one.inertia)
    }

    /// Plain Lloyd, written as simply as possible, against which the bounded iterations are held.
    func plainLloyd(_ points: [Double], d: Int, centres start: [Double], threshold: Double, cap: Int) -> KMeans.Result {
        let n = points.count / d, k = start.count / d
        var centres = start, labels = [Int32](repeating: -1, count: n), iterations = 0
        func distance(_ i: Int, _ j: Int, _ c: [Double]) -> Double {
            (0..<d).reduce(0.0) { sum, x in let delta = points[i * d + x] - c[j * d + x]; return sum + delta * delta }
        }
        func nearest(_ i: Int, _ c: [Double]) -> (Int, Double) {
            (0..<k).map { ($0, distance(i, $0, c)) }.reduce((0, Double.infinity)) { $1.1 < $0.1 ? $1 : $0 }
        }
        while true {
            iterations += 1
            var changed = false
            for i in 0..<n {
                let j = Int32(nearest(i, centres).0)
                if j != labels[i] { changed = true; labels[i] = j }
            }
            if !changed { break }
            var next = centres
            for j in 0..<k {
                let members = (0..<n).filter { labels[$0] == Int32(j) }
                guard !members.isEmpty else { continue }
                for x in 0..<d { next[j * d + x] = members.reduce(0.0) { $0 + points[$1 * d + x] } / Double(members.count) }
            }
            let shift = zip(next, centres).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            centres = next
            if shift <= threshold || iterations >= cap { break }
        }
        let inertia = (0..<n).reduce(0.0) { sum, i in let (j, e) = nearest(i, centres); labels[i] = Int32(j); return sum + e }
        return KMeans.Result(centres: centres, labels: labels, inertia: inertia, iterations: iterations)
    }

    @Test(arguments: [1, 3, 8, 11])
    func theBoundedIterationsGiveExactlyWhatPlainLloydGives(k: Int) {
        // Overlapping clusters rounded to levels 1–5, as ZRM scores are: many equal points and ties.
        var random = SeededRandom(seed: UInt64(k))
        let patterns = (0..<6).map { _ in (0..<13).map { _ in Double.random(in: 1...5, using: &random) } }
        var points: [Double] = []
        for i in 0..<1_200 {
            points += patterns[i % 6].map { min(5, max(1, ($0 + Double.random(in: -1.5...1.5, using: &random)).rounded())) }
        }
        for seed in 1...2 {
            var draw = SeededRandom(seed: UInt64(seed))
            let kmeans = KMeans(k: k, seed: UInt64(seed))
            let start = kmeans.plusPlus(points, dimensions: 13, random: &draw)
            let threshold = 1e-4 * KMeans.meanVariance(points, dimensions: 13)
            let bounded = kmeans.lloyd(points, dimensions: 13, centres: start, threshold: threshold)
            #expect(bounded == plainLloyd(points, d: 13, centres: start, threshold: threshold, cap: 300))
            #expect(k == 1 || bounded.iterations > 2, "the test must exercise the bounds")
        }
    }

    @Test func silhouetteOnAKnownCase() {
        // Two points at 0 and two at 10 on a line: a = 0, b = 10 for every point, so s = 1.
        #expect(Silhouette.score([0, 0, 10, 10], dimensions: 1, labels: [0, 0, 1, 1]) == 1)
        // Worked out by hand: points 0, 1 (cluster 0) and 4 (cluster 1).
        // s(0) = (4 - 1) / 4 = 0.75; s(1) = (3 - 1) / 3 = 2/3; s(4) = 0 (alone in its cluster).
        let s = Silhouette.score([0, 1, 4], dimensions: 1, labels: [0, 0, 1])
        #expect(abs(s - (0.75 + 2.0 / 3.0) / 3) < 1e-12)
    }

    @Test func theSilhouetteProposesTheNumberOfHandMadeClusters() {
        let (points, _) = clusters(perCluster: 150, seed: 5)
        let scores = Silhouette.scores(points, dimensions: 13, range: 2...6, sample: 300)
        #expect(scores.map(\.k) == [2, 3, 4, 5, 6])
        #expect(scores.max { $0.score < $1.score }?.k == 3)
    }

    @Test func profilesAreNamedFromTheirLowestDomains() {
        var centre = Array(repeating: 4.2, count: 13)
        #expect(ProfileName.propose(centre: centre) == "overal voldoende zelfredzaam")
        centre[3] = 2.1
        #expect(ProfileName.propose(centre: centre) == "huisvesting laag")
        centre[0] = 1.8
        centre[8] = 3.0
        #expect(ProfileName.propose(centre: centre) == "financiën en huisvesting laag")
        centre[8] = 1.0
        #expect(ProfileName.propose(centre: centre) == "basale ADL en financiën laag")
    }

    @Test func the2010DomainsMapOntoThe2017OnesAsTheFactsSay() {
        #expect(ZRM2010Domain.allCases.count == 11 && LifeDomain.allCases.count == 13)
        // Every 2017 domain comes from exactly one 2010 domain.
        let successors = ZRM2010Domain.allCases.flatMap(\.successors)
        #expect(Set(successors) == Set(LifeDomain.allCases) && successors.count == 13)
        #expect(ZRM2010Domain.dayActivities.successors == [.workAndEducation, .timeUse])
        #expect(ZRM2010Domain.adl.successors == [.basicADL, .instrumentalADL])
        #expect(ZRM2010Domain.addiction.successors == [.substanceUse])
        #expect(ZRM2010Domain.predecessor(of: .timeUse) == .dayActivities)
        #expect(ZRM2010Domain.addiction.mappingNote == "heet in ZRM 2017 Middelengebruik")
        #expect(ZRM2010Domain.adl.mappingNote == "in ZRM 2017 gesplitst in Basale ADL en Instrumentele ADL")
        #expect(ZRM2010Domain.housing.mappingNote == "zelfde domein in ZRM 2017")
    }

    @Test func aDerivationNumbersProfilesBySizeAndClassifiesNewAssessments() throws {
        let (points, _) = clusters(perCluster: 100, seed: 6)
        // Make the third hand-made cluster the largest: its points twice.
        let vectors = stride(from: 0, to: points.count, by: 13).map { Array(points[$0..<($0 + 13)]).map { Int($0.rounded()) } }
        let input = vectors + Array(vectors[200..<300])
        let derived = try #require(ProfileDerivation.derive(input, k: nil))
        #expect(derived.silhouettes.keys.sorted() == Array(ProfileDerivation.proposalRange))
        #expect(derived.profiles.map(\.number) == [1, 2, 3] && derived.profiles.map(\.size) == [200, 100, 100])
        #expect(derived.profiles[0].name == "middelengebruik en geestelijke gezondheid laag") // levels about 1.0 and 1.5
        #expect(derived.numbers.count == input.count && derived.numbers[250] == 1)
        // A new assessment like the second hand-made cluster falls in its profile.
        let centres = derived.profiles.map { ($0.number, $0.centre) }
        let likeSecond = [2, 2, 3, 1] + Array(repeating: 4, count: 9)
        let second = derived.profiles.first { $0.centre[0] < 2.5 }!.number
        #expect(ProfileDerivation.classify(likeSecond, centres: centres) == second)
        #expect(ProfileDerivation.classify([1, 2], centres: centres) == nil)
        #expect(ProfileDerivation.derive(Array(vectors.prefix(2)), k: 3) == nil, "fewer assessments than profiles")
    }
}

/// The suggestion at intake, from the requests of residents with the same profile.
@Suite struct ProfileSuggestionTests {
    @Test func sharesAndTheMedianRestOnEnoughRequests() {
        // 12 requests: 6 welfare only; 6 indicated care (4 inside, 2 outside), 2 of them also welfare; hours 2,2,3,4,4,8.
        let welfare = ProfileSuggestion.PeerRequest(outcomes: [.welfare], firstAssignments: [])
        let hours = [2.0, 2, 3, 4, 4, 8]
        let care = hours.enumerated().map { i, h in
            ProfileSuggestion.PeerRequest(outcomes: i < 2 ? [.indicatedCare, .welfare] : [.indicatedCare], firstAssignments: [(inside: i < 4, hours: h)])
        }
        let s = ProfileSuggestion(Array(repeating: welfare, count: 6) + care)
        #expect(s.requests == .shown(12))
        // 8 of 12 would tell that 4 did not get welfare: a complement of 1–4 is hidden.
        #expect(s.outcomeShares[.welfare] == .suppressed)
        #expect(s.outcomeShares[.indicatedCare] == .shown(6.0 / 12))
        #expect(s.outcomeShares[.ownNetwork] == .shown(0))
        // Inside share and median hours rest on 6 requests with care: fewer than 10, so not shown.
        #expect(s.insideShare == .suppressed && s.medianHours == .suppressed)
        // With four times as many, they are: 4 of 6 inside; the median of 2,2,3,4,4,8 is 3.5.
        let more = ProfileSuggestion(Array(repeating: Array(repeating: welfare, count: 6) + care, count: 4).flatMap { $0 })
        #expect(more.insideShare == .shown(4.0 / 6) && more.medianHours == .shown(3.5))
    }

    @Test func fewPeersShowNothing() {
        let s = ProfileSuggestion(Array(repeating: ProfileSuggestion.PeerRequest(outcomes: [.welfare], firstAssignments: []), count: 4))
        #expect(s.requests == .suppressed && s.outcomeShares.values.allSatisfy(\.isSuppressed))
    }
}
