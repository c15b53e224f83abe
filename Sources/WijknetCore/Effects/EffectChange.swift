import Foundation

/// Where a request's support was given, for comparing effects: inside a network (which one), or
/// outside. A request counts outside when a first assignment went outside the network; inside
/// when its support (first assignments, welfare) stayed with the network; otherwise it is left out.
public enum EffectGroup: Hashable, Sendable {
    case network(UUID)
    case outside

    public static func of(network: UUID?, firstAssignmentsInside: [Bool], hasWelfare: Bool) -> EffectGroup? {
        if firstAssignmentsInside.contains(false) { return .outside }
        guard let network, !firstAssignmentsInside.isEmpty || hasWelfare else { return nil }
        return .network(network)
    }
}

/// One resident's item at intake and after the follow-up period: a pair.
public struct EffectPair: Sendable, Equatable {
    public let group: EffectGroup
    public let item: String
    public let before: Int
    public let after: Int

    public init(group: EffectGroup, item: String, before: Int, after: Int) {
        self.group = group
        self.item = item
        self.before = before
        self.after = after
    }
}

/// The change on one item for one group: how many pairs, the mean before and after, and the mean
/// change (after − before; positive is better), through disclosure control.
public struct EffectChange: Sendable, Equatable {
    public let group: EffectGroup
    public let item: String
    public let pairs: Disclosed<Int>
    public let before: Disclosed<Double>
    public let after: Disclosed<Double>
    public let change: Disclosed<Double>

    public static func of(_ pairs: [EffectPair], control: DisclosureControl = .council) -> [EffectChange] {
        var groups: [EffectGroup: [String: [EffectPair]]] = [:]
        for pair in pairs { groups[pair.group, default: [:]][pair.item, default: []].append(pair) }
        return groups.flatMap { group, items in
            items.map { item, pairs in
                EffectChange(group: group, item: item, pairs: control.count(pairs.count),
                             before: control.statistic(.mean(pairs.map { Double($0.before) })),
                             after: control.statistic(.mean(pairs.map { Double($0.after) })),
                             change: control.statistic(.mean(pairs.map { Double($0.after - $0.before) })))
            }
        }
    }
}
