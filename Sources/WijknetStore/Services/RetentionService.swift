import Fluent
import FluentSQL
import Foundation
import SQLKit
import WijknetCore

/// Ends the keeping of residents' files when their retention period is over: removes the personal
/// data (name, BSN, birth date, address, every free text) and keeps the structure — dates, laws,
/// organisations, products, hours, codes — so every figure for the council stays the same.
public struct RetentionService: Sendable {
    let db: any Database
    let audit: AuditTrail
    let policy: RetentionPolicy

    public init(db: any Database, actor: Actor, policy: RetentionPolicy, channel: AuditChannel = .command) {
        self.db = db
        self.audit = AuditTrail(actor: actor, channel: channel)
        self.policy = policy
    }

    /// The actor of the scheduled run, as the audit log names it.
    public static let scheduledRun = Actor(userID: UUID(uuidString: "00000000-0000-0000-0000-000000000000")!,
                                           username: "wijknet retention", role: .admin, organisationID: nil, areaID: nil)

    public struct Report: Sendable, Equatable {
        /// Residents not anonymised yet whose term has ended.
        public let due: Int
        public let anonymised: Int
    }

    /// Anonymises every resident whose retention ended on or before `today`; with `apply: false`
    /// only counts them. Each resident is one transaction with its audit entry.
    public func run(on today: CalendarDate, apply: Bool, progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> Report {
        let due = try await erasableFrom(residents: nil).filter { $0.value.map { $0 <= today } ?? false }.keys.sorted { $0.uuidString < $1.uuidString }
        guard apply else { return Report(due: due.count, anonymised: 0) }
        for (index, id) in due.enumerated() {
            try await anonymise(id, on: today, purpose: "Bewaartermijn verstreken: persoonsgegevens verwijderd")
            progress(index + 1, due.count)
        }
        return Report(due: due.count, anonymised: due.count)
    }

    /// The first day on which a resident's data may be removed; nil while a request is open or
    /// care runs without an end date.
    public func erasableFrom(resident id: UUID) async throws -> CalendarDate? {
        try await erasableFrom(residents: [id])[id] ?? nil
    }

    /// Removes one resident's personal data now, in one transaction with its audit entry.
    func anonymise(_ id: UUID, on today: CalendarDate, purpose: String) async throws {
        try await db.transaction { db in
            let sql = try db.sql()
            let requests: SQLQueryString = "(SELECT id FROM support_requests WHERE resident_id = \(bind: id))"
            try await sql.raw("""
                UPDATE residents SET given_name = '', family_name = '', birth_date = '', bsn_sealed = '',
                    bsn_lookup = \(bind: "geanonimiseerd:" + id.uuidString), street = '', house_number = '', postcode = '', city = '',
                    anonymised_on = \(bind: today.description)
                WHERE id = \(bind: id)
                """).run()
            try await sql.raw("UPDATE support_requests SET summary = '' WHERE resident_id = \(bind: id)").run()
            try await sql.raw("UPDATE outcomes SET activity = NULL, note = NULL, outside_reason_text = NULL WHERE request_id IN \(requests)").run()
            try await sql.raw("UPDATE assignments SET outside_reason_text = NULL WHERE request_id IN \(requests)").run()
            try await sql.raw("UPDATE referrals SET activity = '' WHERE request_id IN \(requests)").run()
            try await sql.raw("UPDATE agenda_items SET decision_note = NULL WHERE request_id IN \(requests)").run()
            // ZRM levels stay for the effects, like the figures; what a coach wrote goes.
            try await sql.raw("""
                UPDATE zrm_scores SET note = NULL, not_assessed_reason = NULL
                WHERE assessment_id IN (SELECT id FROM zrm_assessments WHERE resident_id = \(bind: id))
                """).run()
            try await audit.record(.erase, "resident", id, residents: [id], purpose: purpose, on: db)
        }
    }

    /// Per resident not yet anonymised (all of them, or those in `ids`): when their data may go.
    private func erasableFrom(residents ids: [UUID]?) async throws -> [UUID: CalendarDate?] {
        let sql = try db.sql()
        let only: SQLQueryString = ids.map { ids -> SQLQueryString in "AND id IN (\(SQLList(ids.map { SQLBind($0) })))" } ?? ""
        let onlyRequests: SQLQueryString = ids.map { ids -> SQLQueryString in "AND resident_id IN (\(SQLList(ids.map { SQLBind($0) })))" } ?? ""
        let residents = try await sql.raw("SELECT id, created_at FROM residents WHERE anonymised_on IS NULL \(only)").all()
        let requests = try await sql.raw("SELECT id, resident_id, closed_on FROM support_requests WHERE 1 = 1 \(onlyRequests)").all()
        let ofRequests: SQLQueryString = "(SELECT id FROM support_requests WHERE 1 = 1 \(onlyRequests))"
        var care: [UUID: [RetentionFacts.Care]] = [:]
        for row in try await sql.raw("SELECT request_id, law, end_date FROM assignments WHERE request_id IN \(ofRequests)").all() {
            guard let law = Law(rawValue: try row.decode(column: "law", as: String.self)) else { continue }
            care[try row.decode(column: "request_id", as: UUID.self), default: []]
                .append(.init(law: law, end: try row.decode(column: "end_date", as: String?.self).flatMap(CalendarDate.init)))
        }
        var referrals: [UUID: [CalendarDate]] = [:]
        for row in try await sql.raw("SELECT request_id, date FROM referrals WHERE request_id IN \(ofRequests)").all() {
            guard let date = CalendarDate(try row.decode(column: "date", as: String.self)) else { continue }
            referrals[try row.decode(column: "request_id", as: UUID.self), default: []].append(date)
        }
        var facts: [UUID: [RetentionFacts]] = [:]
        for row in requests {
            let id = try row.decode(column: "id", as: UUID.self)
            facts[try row.decode(column: "resident_id", as: UUID.self), default: []].append(RetentionFacts(
                closedOn: try row.decode(column: "closed_on", as: String?.self).flatMap(CalendarDate.init),
                assignments: care[id] ?? [], referralDates: referrals[id] ?? []))
        }
        var result: [UUID: CalendarDate?] = [:]
        for row in residents {
            let id = try row.decode(column: "id", as: UUID.self)
            let registered = CalendarDate(try row.decode(column: "created_at", as: Date?.self) ?? Date())
            result[id] = policy.erasableFrom(requests: facts[id] ?? [], registered: registered)
        }
        return result
    }
}
