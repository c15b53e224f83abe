import Fluent
import FluentSQL
import Foundation
import SQLKit
import WijknetCore

/// Which requests a set of figures is about: a municipality, an area or a network (or all).
public struct FigureScope: Sendable, Equatable, Codable {
    public var municipalityId: UUID?
    public var areaId: UUID?
    public var networkId: UUID?

    public init(municipalityId: UUID? = nil, areaId: UUID? = nil, networkId: UUID? = nil) {
        self.municipalityId = municipalityId
        self.areaId = areaId
        self.networkId = networkId
    }
}

/// Reads what the council's figures need (`RequestRecord`) for a scope, in four statements and
/// without models or personal data: ids, dates, laws, codes and flags only.
public enum FigureRecordsQuery {
    public static func load(_ scope: FigureScope, on db: any Database) async throws -> [RequestRecord] {
        let sql = try db.sql()
        let inScope = condition(scope)
        let requests = try await sql.raw("""
            SELECT id, law, intake_date, decided_on FROM support_requests r WHERE \(inScope)
            """).all()
        let meetings = try await grouped(sql.raw("""
            SELECT i.request_id AS request_id, m.date AS date FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
            WHERE i.request_id IN (SELECT r.id FROM support_requests r WHERE \(inScope))
            """).all()) { row in CalendarDate(try row.decode(column: "date", as: String.self)) }
        let assignments = try await grouped(sql.raw("""
            SELECT a.request_id AS request_id, a.law AS law, a.kind AS kind, p.level AS level, a.provider_id AS provider_id,
                   a.start_date AS start_date, a.end_date AS end_date, a.hours_per_week AS hours, a.inside_network AS inside,
                   a.outside_reason AS reason, a.care_started_on AS care_started_on
            FROM assignments a JOIN products p ON p.id = a.product_id
            WHERE a.request_id IN (SELECT r.id FROM support_requests r WHERE \(inScope))
            """).all(), assignment)
        let referrals = try await grouped(sql.raw("""
            SELECT f.request_id AS request_id, f.partner_id AS partner_id, f.date AS date, f.status AS status FROM referrals f
            WHERE f.request_id IN (SELECT r.id FROM support_requests r WHERE \(inScope))
            """).all()) { row -> ReferralRecord? in
            guard let date = CalendarDate(try row.decode(column: "date", as: String.self)),
                  let status = ReferralStatus(rawValue: try row.decode(column: "status", as: String.self)) else { return nil }
            return ReferralRecord(partnerID: try row.decode(column: "partner_id", as: UUID.self), date: date, status: status)
        }
        return try requests.compactMap { row in
            let id = try row.decode(column: "id", as: UUID.self)
            guard let law = LawScope(rawValue: try row.decode(column: "law", as: String.self)),
                  let intake = CalendarDate(try row.decode(column: "intake_date", as: String.self)) else { return nil }
            return RequestRecord(id: id, law: law, intake: intake, meetingDates: meetings[id] ?? [],
                                 decidedOn: try row.decode(column: "decided_on", as: String?.self).flatMap(CalendarDate.init),
                                 assignments: assignments[id] ?? [], referrals: referrals[id] ?? [])
        }
    }

    /// The assignments imported from before Wijknet (`HistoryImport`) in the scope, for K4–K7.
    public static func history(_ scope: FigureScope, on db: any Database) async throws -> [AssignmentRecord] {
        try await historyByNetwork(scope, on: db).values.flatMap { $0 }
    }

    /// The same, per network (nil: none), as the figure tallies keep them.
    public static func historyByNetwork(_ scope: FigureScope, on db: any Database) async throws -> [UUID?: [AssignmentRecord]] {
        let rows = try await db.sql().raw("""
            SELECT h.law AS law, h.kind AS kind, p.level AS level, h.provider_id AS provider_id, h.start_date AS start_date,
                   h.end_date AS end_date, h.hours_per_week AS hours, h.inside_network AS inside, h.network_id AS network_id
            FROM historical_assignments h JOIN products p ON p.id = h.product_id WHERE \(condition(scope, table: "h"))
            """).all()
        var result: [UUID?: [AssignmentRecord]] = [:]
        for row in rows {
            guard let record = try assignment(row) else { continue }
            result[try row.decode(column: "network_id", as: UUID?.self), default: []].append(record)
        }
        return result
    }

    /// One assignment row, from either query: the same column names in both.
    private static func assignment(_ row: any SQLRow) throws -> AssignmentRecord? {
        guard let law = Law(rawValue: try row.decode(column: "law", as: String.self)),
              let kind = AssignmentKind(rawValue: try row.decode(column: "kind", as: String.self)),
              let level = ProductLevel(rawValue: try row.decode(column: "level", as: String.self)),
              let start = CalendarDate(try row.decode(column: "start_date", as: String.self)) else { return nil }
        return AssignmentRecord(law: law, kind: kind, level: level, providerID: try row.decode(column: "provider_id", as: UUID.self),
                                start: start, end: try row.decode(column: "end_date", as: String?.self).flatMap(CalendarDate.init),
                                hoursPerWeek: try row.decode(column: "hours", as: Double.self),
                                insideNetwork: try row.decode(column: "inside", as: Bool.self),
                                outsideReason: row.contains(column: "reason") ? try row.decode(column: "reason", as: String?.self) : nil,
                                careStarted: row.contains(column: "care_started_on")
                                    ? try row.decode(column: "care_started_on", as: String?.self).flatMap(CalendarDate.init) : nil)
    }

    /// Whose each request in the scope is: its resident, network and intake date.
    public struct RequestOwner: Sendable {
        public let resident: UUID
        public let network: UUID?
        public let intake: CalendarDate
    }

    public static func owners(_ scope: FigureScope, on db: any Database) async throws -> [UUID: RequestOwner] {
        let rows = try await db.sql().raw("""
            SELECT r.id AS id, r.resident_id AS resident_id, r.network_id AS network_id, r.intake_date AS intake_date
            FROM support_requests r WHERE \(condition(scope))
            """).all()
        var owners: [UUID: RequestOwner] = [:]
        for row in rows {
            guard let intake = CalendarDate(try row.decode(column: "intake_date", as: String.self)) else { continue }
            owners[try row.decode(column: "id", as: UUID.self)] = RequestOwner(
                resident: try row.decode(column: "resident_id", as: UUID.self), network: try row.decode(column: "network_id", as: UUID?.self),
                intake: intake)
        }
        return owners
    }

    /// `column IN (the scope's requests, or their residents)`, as a filter for a Fluent query: the
    /// scope is selected in SQL, so no list of ids is bound (SQLite allows some 32,000 values).
    static func inScope(_ column: String, _ scope: FigureScope, residents: Bool = false) -> DatabaseQuery.Filter {
        .sql(SQLQueryString("\(ident: column) IN (SELECT \(ident: residents ? "resident_id" : "id") FROM support_requests r WHERE \(condition(scope)))"))
    }

    /// The scope as a condition on `support_requests r` (or another table with `area_id` and `network_id`).
    static func condition(_ scope: FigureScope, table: String = "r") -> SQLQueryString {
        var parts: [SQLQueryString] = ["1 = 1"]
        if let network = scope.networkId { parts.append("\(ident: table).network_id = \(bind: network)") }
        if let area = scope.areaId { parts.append("\(ident: table).area_id = \(bind: area)") }
        if let municipality = scope.municipalityId {
            parts.append("\(ident: table).area_id IN (SELECT a.id FROM areas a WHERE a.municipality_id = \(bind: municipality))")
        }
        return parts.dropFirst().reduce(parts[0]) { "\($0) AND \($1)" }
    }

    private static func grouped<T>(_ rows: [any SQLRow], _ value: (any SQLRow) throws -> T?) throws -> [UUID: [T]] {
        var result: [UUID: [T]] = [:]
        for row in rows {
            guard let item = try value(row) else { continue }
            result[try row.decode(column: "request_id", as: UUID.self), default: []].append(item)
        }
        return result
    }
}
