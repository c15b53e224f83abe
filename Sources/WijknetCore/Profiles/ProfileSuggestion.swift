/// What the coach sees at intake once a resident has a profile: how requests of residents with
/// the same profile in the same area were answered over the last year. A suggestion with its basis,
/// never a decision; every figure passes disclosure control, as on the dashboard.
public struct ProfileSuggestion: Sendable, Equatable {
    /// One earlier request of a resident with the same profile.
    public struct PeerRequest: Sendable, Equatable {
        public let outcomes: Set<OutcomeKind>
        /// Its first assignments: inside the network or not, and hours per week.
        public let firstAssignments: [(inside: Bool, hours: Double)]

        public init(outcomes: Set<OutcomeKind>, firstAssignments: [(inside: Bool, hours: Double)]) {
            self.outcomes = outcomes
            self.firstAssignments = firstAssignments
        }

        public static func == (a: PeerRequest, b: PeerRequest) -> Bool {
            a.outcomes == b.outcomes && a.firstAssignments.map(\.inside) == b.firstAssignments.map(\.inside)
                && a.firstAssignments.map(\.hours) == b.firstAssignments.map(\.hours)
        }
    }

    /// The number of requests the suggestion rests on.
    public let requests: Disclosed<Int>
    /// Per outcome, the share of the requests that got it (a request can get several).
    public let outcomeShares: [OutcomeKind: Disclosed<Double>]
    /// Of the requests with indicated care, the share that went to a partner inside the network.
    public let insideShare: Disclosed<Double>
    /// The median hours per week of their first assignments.
    public let medianHours: Disclosed<Double>

    public init(_ peers: [PeerRequest], control: DisclosureControl = .council) {
        requests = control.count(peers.count)
        var shares: [OutcomeKind: Disclosed<Double>] = [:]
        for kind in OutcomeKind.allCases {
            shares[kind] = control.share(Ratio(part: peers.filter { $0.outcomes.contains(kind) }.count, base: peers.count))
        }
        outcomeShares = shares
        let withCare = peers.filter { !$0.firstAssignments.isEmpty }
        insideShare = control.share(Ratio(part: withCare.filter { $0.firstAssignments.contains(where: \.inside) }.count, base: withCare.count))
        medianHours = control.statistic(.median(peers.flatMap { $0.firstAssignments.map(\.hours) }))
    }
}
