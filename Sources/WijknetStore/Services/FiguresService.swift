import Fluent
import Foundation
import WijknetCore

/// What a set of the council's figures is asked for: scope, law and period.
public struct FigureQuery: Sendable, Equatable {
    public var scope: FigureScope
    public var law: Law?
    public var period: ReportingPeriod

    public init(scope: FigureScope = FigureScope(), law: Law? = nil, period: ReportingPeriod) {
        self.scope = scope
        self.law = law
        self.period = period
    }
}

/// The council's figures for the dashboard, the exports and the API: aggregates only, so reading
/// them is not an entry in the audit log. The drill-down to requests goes through the request
/// list, which applies the case rules and is logged.
public struct FiguresService: Sendable {
    let db: any Database
    let actor: Actor

    public init(db: any Database, actor: Actor) {
        self.db = db
        self.actor = actor
    }

    public struct Result: Sendable {
        public let query: FigureQuery
        public let figures: CouncilFigures
        /// The same figures per quarter, oldest first, ending with the period's last quarter.
        public let trend: [(period: ReportingPeriod, figures: CouncilFigures)]
        /// Outside-reason codes with their Dutch labels, for K10.
        public let reasonLabels: [String: String]
        public let asOf: CalendarDate
    }

    /// The figures for `query` and their trend over at least `trendQuarters` quarters: from the
    /// tallies kept per area (`FigureTallies`) for quarters and years, else from the records.
    public func figures(_ query: FigureQuery, trendQuarters: Int = 6, asOf: CalendarDate = .today()) async throws -> Result {
        guard CasePolicy.seesFigures(actor.role) else { throw StoreError.forbidden }
        var quarters = [ReportingPeriod.quarter(containing: query.period.last)]
        while quarters.count < trendQuarters {
            quarters.insert(ReportingPeriod.quarter(containing: quarters[0].first.adding(days: -1)), at: 0)
        }
        if query.period.quarters.count > quarters.count { quarters = query.period.quarters }
        let labels = Dictionary(try await Lookup.reasons(on: db).map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a })

        if let tallies = try await FigureTallies.tallies(query.scope, periods: quarters + [query.period], law: query.law, asOf: asOf, on: db) {
            return Result(query: query, figures: tallies[query.period]!.figures(asOf: asOf), trend: quarters.map { ($0, tallies[$0]!.figures(asOf: asOf)) },
                          reasonLabels: labels, asOf: asOf)
        }
        let records = try await FigureRecordsQuery.load(query.scope, on: db)
        let history = try await FigureRecordsQuery.history(query.scope, on: db)
        let trend = quarters.map { ($0, CouncilFigures.compute(records, history: history, period: $0, law: query.law, asOf: asOf)) }
        return Result(query: query, figures: CouncilFigures.compute(records, history: history, period: query.period, law: query.law, asOf: asOf),
                      trend: trend, reasonLabels: labels, asOf: asOf)
    }

    /// The same figures counted from the records, never from the tallies: what tests hold the
    /// tallies against.
    public func countedFromRecords(_ query: FigureQuery, asOf: CalendarDate) async throws -> CouncilFigures {
        guard CasePolicy.seesFigures(actor.role) else { throw StoreError.forbidden }
        let records = try await FigureRecordsQuery.load(query.scope, on: db)
        let history = try await FigureRecordsQuery.history(query.scope, on: db)
        return CouncilFigures.compute(records, history: history, period: query.period, law: query.law, asOf: asOf)
    }

    /// The requests a figure counts, for the roles that may see them (coach, chair); the list
    /// that shows them applies the case rules on top.
    public func requestsBehind(_ figure: FigureDefinition, _ query: FigureQuery, asOf: CalendarDate = .today()) async throws -> Set<UUID> {
        guard CasePolicy.drillsDown(actor.role) else { throw StoreError.forbidden }
        let records = try await FigureRecordsQuery.load(query.scope, on: db)
        return CouncilFigures.compute(records, period: query.period, law: query.law, asOf: asOf, collectRequests: true).requestsBehind[figure] ?? []
    }
}
