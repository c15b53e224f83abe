import Fluent
import FluentSQL
import Foundation
import SQLKit
import WijknetCore

/// The council's figures kept ready: a `FigureTally` per area, network, period (every quarter and
/// year from an area's first record to a year ahead) and law (both, Wmo, Jeugd). Every write that
/// changes a figure marks its area stale in the same transaction (`touch`); the next read of the
/// figures, or the background refresh, recounts that area alone from its records. A dashboard for
/// the whole country then adds a few thousand tallies instead of reading millions of records.
/// Custom periods and the drill-down still count the records themselves (`FigureRecordsQuery`).
public enum FigureTallies {
    /// Marks an area's tallies out of date and moves its generation on, which tells a recount
    /// under way that its count is already behind. Call it in the transaction that changes the records.
    public static func touch(area: UUID, on db: any Database) async throws {
        try await db.sql().raw("""
            INSERT INTO figure_areas (area_id, stale, generation) VALUES (\(bind: area), \(bind: true), 1)
            ON CONFLICT (area_id) DO UPDATE SET stale = \(bind: true), generation = figure_areas.generation + 1
            """).run()
    }

    /// The tallies of `scope` for each of `periods`, added up; nil when a period is not a quarter
    /// or year, or lies beyond what is kept (a year past `asOf`): count the records then.
    public static func tallies(_ scope: FigureScope, periods: [ReportingPeriod], law: Law?, asOf: CalendarDate,
                               on db: any Database) async throws -> [ReportingPeriod: FigureTally]? {
        guard periods.allSatisfy({ ($0.isQuarter || $0.isYear) && $0.last <= horizon(asOf) }) else { return nil }
        let sql = try db.sql()
        let areas = try await sql.raw("SELECT a.id AS id FROM areas a WHERE \(areaCondition(scope))").all()
            .map { try $0.decode(column: "id", as: UUID.self) }
        for area in try await outOfDate(areas, asOf: asOf, needed: horizon(asOf), on: db) { try await refreshForReader(area: area, asOf: asOf, on: db) }

        var result = Dictionary(periods.map { ($0, FigureTally([], period: $0, law: law, asOf: asOf)) }, uniquingKeysWith: { a, _ in a })
        let byName = Dictionary(periods.map { ($0.description, $0) }, uniquingKeysWith: { a, _ in a })
        var network: SQLQueryString = ""
        if let id = scope.networkId { network = " AND t.network_id = \(bind: id)" }
        let rows = try await sql.raw("""
            SELECT t.period AS period, t.tally AS tally FROM figure_tallies t
            WHERE t.law = \(bind: lawKey(law)) AND t.period IN (\(binds: Array(byName.keys)))
              AND t.area_id IN (SELECT a.id FROM areas a WHERE \(areaCondition(scope)))\(network)
            """).all()
        let decoder = JSONDecoder()
        for row in rows {
            guard let period = byName[try row.decode(column: "period", as: String.self)] else { continue }
            let tally = try decoder.decode(FigureTally.self, from: Data(try row.decode(column: "tally", as: String.self).utf8))
            result[period] = result[period]! + tally
        }
        return result
    }

    /// Recounts every area that is stale, as the background job does, and every area whose
    /// tallies end within half a quarter of what readers need: once a quarter the whole country
    /// moves on a quarter, and that should not happen on a reader's clock. It never makes writes
    /// wait: an area written to while it counts stays stale for the next round. Returns how many
    /// areas it recounted and stored.
    @discardableResult
    public static func refreshStale(asOf: CalendarDate, on db: any Database) async throws -> Int {
        let areas = try await db.sql().raw("SELECT id FROM areas").all().map { try $0.decode(column: "id", as: UUID.self) }
        var stored = 0
        for area in try await outOfDate(areas, asOf: asOf, needed: horizon(asOf.adding(days: 46)), on: db) {
            if try await refresh(area: area, asOf: asOf, on: db) { stored += 1 }
        }
        return stored
    }

    /// The last day tallies are kept for: the end of the quarter a year after `asOf`.
    static func horizon(_ asOf: CalendarDate) -> CalendarDate {
        ReportingPeriod.quarter(containing: asOf.adding(days: 366)).last
    }

    /// Of `areas`, those whose tallies are missing, stale, counted on a later day than `asOf`
    /// (K8 would count support that had not started on `asOf`), or ending before `needed`.
    private static func outOfDate(_ areas: [UUID], asOf: CalendarDate, needed: CalendarDate, on db: any Database) async throws -> [UUID] {
        guard !areas.isEmpty else { return [] }
        let rows = try await db.sql().raw("SELECT area_id, stale, computed_as_of, covers_until FROM figure_areas").all()
        var current = Set<UUID>()
        for row in rows {
            guard try !row.decode(column: "stale", as: Bool.self),
                  let counted = try row.decode(column: "computed_as_of", as: String?.self).flatMap(CalendarDate.init), counted <= asOf,
                  let covers = try row.decode(column: "covers_until", as: String?.self).flatMap(CalendarDate.init), covers >= needed
            else { continue }
            current.insert(try row.decode(column: "area_id", as: UUID.self))
        }
        return areas.filter { !current.contains($0) }
    }

    /// Recounts one area for a reader, who needs it current now. When writes to the area keep
    /// coming in while it counts, the third try counts under the area's lock, which those writes
    /// then wait for: the reader gets its figures however busy the area is.
    static func refreshForReader(area: UUID, asOf: CalendarDate, on db: any Database) async throws {
        for _ in 0..<2 {
            if try await refresh(area: area, asOf: asOf, on: db) { return }
        }
        try await refreshLocked(area: area, asOf: asOf, on: db)
    }

    /// Recounts one area from its records without holding a lock while it counts, so writes go on
    /// meanwhile: on SQLite a transaction holds the file's only writer, and counting an area of
    /// half a million requests takes seconds, for which every other write waited and timed out.
    /// The area's generation is read before counting; the tallies are stored, in one short
    /// transaction, only if it is still the same then, that is, if no write to the area came in
    /// during the count (whose reads may otherwise have seen part of it). Returns whether they
    /// were stored; if not, the area is still stale.
    static func refresh(area: UUID, asOf: CalendarDate, on db: any Database) async throws -> Bool {
        let before = try await generation(of: area, on: db)
        let counted = try await count(area: area, asOf: asOf, on: db)
        return try await store(counted, area: area, asOf: asOf, ifStill: before, on: db)
    }

    /// How many writes touched the area's figures so far; nil before the first.
    static func generation(of area: UUID, on db: any Database) async throws -> Int64? {
        try await db.sql().raw("SELECT generation FROM figure_areas WHERE area_id = \(bind: area)").first()?
            .decode(column: "generation", as: Int64.self)
    }

    /// Stores `counted` as the area's current tallies if its generation is still `generation`;
    /// returns whether it was.
    static func store(_ counted: Counted, area: UUID, asOf: CalendarDate, ifStill generation: Int64?, on db: any Database) async throws -> Bool {
        try await db.transaction { db in
            let sql = try db.sql()
            let claim: SQLQueryString = if let generation {
                """
                UPDATE figure_areas SET stale = \(bind: false), computed_as_of = \(bind: asOf.description), covers_until = \(bind: counted.until.description)
                WHERE area_id = \(bind: area) AND generation = \(bind: generation) RETURNING area_id
                """
            } else {
                """
                INSERT INTO figure_areas (area_id, stale, generation, computed_as_of, covers_until)
                VALUES (\(bind: area), \(bind: false), 0, \(bind: asOf.description), \(bind: counted.until.description))
                ON CONFLICT (area_id) DO NOTHING RETURNING area_id
                """
            }
            guard try await sql.raw(claim).first() != nil else { return false }
            try await replace(with: counted, area: area, on: sql)
            return true
        }
    }

    /// Recounts one area in one transaction that first takes the area's row, so a write to the
    /// area waits for it (and on SQLite, every write does).
    static func refreshLocked(area: UUID, asOf: CalendarDate, on db: any Database) async throws {
        try await db.transaction { db in
            let sql = try db.sql()
            try await sql.raw("""
                INSERT INTO figure_areas (area_id, stale) VALUES (\(bind: area), \(bind: true))
                ON CONFLICT (area_id) DO UPDATE SET stale = figure_areas.stale
                """).run()
            let counted = try await count(area: area, asOf: asOf, on: db)
            try await sql.raw("""
                UPDATE figure_areas SET stale = \(bind: false), computed_as_of = \(bind: asOf.description), covers_until = \(bind: counted.until.description)
                WHERE area_id = \(bind: area)
                """).run()
            try await replace(with: counted, area: area, on: sql)
        }
    }

    /// An area's tallies as rows of `figure_tallies`, counted up to `until`.
    struct Counted: Sendable {
        var rows: [[any Encodable & Sendable]]
        var until: CalendarDate
    }

    static func count(area: UUID, asOf: CalendarDate, on db: any Database) async throws -> Counted {
        let scope = FigureScope(areaId: area)
        let records = try await FigureRecordsQuery.load(scope, on: db)
        let networks = try await FigureRecordsQuery.owners(scope, on: db).mapValues(\.network)
        var requests: [UUID?: [RequestRecord]] = [:]
        for record in records { requests[networks[record.id] ?? nil, default: []].append(record) }
        let history = try await FigureRecordsQuery.historyByNetwork(scope, on: db)

        // A quarter further than readers need, so the background job can move on ahead of them.
        let until = horizon(asOf.adding(days: 92))
        let periods = self.periods(records, history.values.flatMap { $0 }, until: until)
        var rows: [[any Encodable & Sendable]] = []
        let encoder = JSONEncoder()
        for network in Set(requests.keys).union(history.keys) {
            for period in periods {
                for law in [nil] + Law.allCases.map(Optional.some) {
                    let tally = FigureTally(requests[network] ?? [], history: history[network] ?? [], period: period, law: law, asOf: asOf)
                    guard tally != FigureTally([], period: period, law: law, asOf: asOf) else { continue }
                    rows.append([area, network, period.description, lawKey(law), String(decoding: try encoder.encode(tally), as: UTF8.self)])
                }
            }
        }
        return Counted(rows: rows, until: until)
    }

    /// Replaces the area's tallies with `counted`; in the transaction that marks the area current.
    private static func replace(with counted: Counted, area: UUID, on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM figure_tallies WHERE area_id = \(bind: area)").run()
        for batch in stride(from: 0, to: counted.rows.count, by: 500) {
            var insert = sql.insert(into: "figure_tallies").columns("area_id", "network_id", "period", "law", "tally")
            for row in counted.rows[batch..<min(counted.rows.count, batch + 500)] { insert = insert.values(row.map { SQLBind($0) }) }
            try await insert.run()
        }
    }

    /// Every quarter and year from the earliest date in the records up to `until`.
    private static func periods(_ requests: [RequestRecord], _ history: [AssignmentRecord], until: CalendarDate) -> [ReportingPeriod] {
        var dates: [CalendarDate] = history.map(\.start)
        for request in requests {
            dates.append(request.intake)
            dates.append(contentsOf: request.meetingDates)
            if let decided = request.decidedOn { dates.append(decided) }
            dates.append(contentsOf: request.assignments.map(\.start))
            dates.append(contentsOf: request.referrals.map(\.date))
        }
        guard let earliest = dates.min(), earliest <= until, let last = ReportingPeriod(first: earliest, last: until) else { return [] }
        let years = (earliest.year...until.year).compactMap(ReportingPeriod.year)
        return last.quarters + years
    }

    private static func lawKey(_ law: Law?) -> String { law?.rawValue ?? "all" }

    /// The scope as a condition on `areas a`: a network covers its own area.
    private static func areaCondition(_ scope: FigureScope) -> SQLQueryString {
        var parts: [SQLQueryString] = ["1 = 1"]
        if let network = scope.networkId { parts.append("a.id IN (SELECT n.area_id FROM networks n WHERE n.id = \(bind: network))") }
        if let area = scope.areaId { parts.append("a.id = \(bind: area)") }
        if let municipality = scope.municipalityId { parts.append("a.municipality_id = \(bind: municipality)") }
        return parts.dropFirst().reduce(parts[0]) { "\($0) AND \($1)" }
    }
}
