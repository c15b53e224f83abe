import Fluent
import FluentSQL
import Foundation
import SQLKit
import WijknetCore

/// One thing that waits for a partner organisation.
public struct InboxItem: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A request routed directly to the organisation, not yet accepted.
        case directRoute
        /// An assignment whose actual start is not reported yet.
        case careStart
        /// An assignment past its planned end whose actual end is not reported yet.
        case careEnd
        /// A welfare referral still "voorgesteld".
        case referralResult

        public var label: String {
            switch self {
            case .directRoute: "Directe route: accepteren of afwijzen"
            case .careStart: "Start van de zorg melden"
            case .careEnd: "Einde van de zorg melden"
            case .referralResult: "Resultaat van de toeleiding melden"
            }
        }
    }

    public let kind: Kind
    public let request: SupportRequest
    /// The assignment or referral it is about; the request itself for a direct route.
    public let recordID: UUID
    /// Since when it waits: the day of the route, the planned start or end, the referral's date.
    public let since: CalendarDate
}

extension RequestService {
    /// What waits for the actor's organisation, longest waiting first: only records the partner
    /// may read (`CasePolicy`), so an item never shows a case outside their scope. The residents
    /// on the page are written to the audit log.
    public func inbox(_ paging: Paging = .first) async throws -> ResultPage<InboxItem> {
        guard actor.role == .partner, let organisation = actor.organisationID else { throw StoreError.forbidden }
        let sql = try db.sql()
        let waiting = waitingSQL(organisation)
        let rows = try await sql.raw("""
            SELECT kind, request_id, record_id, since FROM (\(waiting)) waiting
            ORDER BY since, kind, record_id LIMIT \(unsafeRaw: String(paging.perPage)) OFFSET \(unsafeRaw: String(paging.offset))
            """).all()
        let count = try await inboxCount()
        let ids = try rows.map { try $0.decode(column: "request_id", as: UUID.self) }
        let requests = try await SupportRequest.query(on: db).filter(\.$id ~~ Set(ids)).with(\.$resident).with(\.$district).all()
        let byID = Dictionary(uniqueKeysWithValues: requests.map { ($0.id!, $0) })
        let items: [InboxItem] = try rows.compactMap { row in
            guard let kind = InboxItem.Kind(rawValue: try row.decode(column: "kind", as: String.self)),
                  let request = byID[try row.decode(column: "request_id", as: UUID.self)],
                  let since = CalendarDate(try row.decode(column: "since", as: String.self)) else { return nil }
            return InboxItem(kind: kind, request: request, recordID: try row.decode(column: "record_id", as: UUID.self), since: since)
        }
        if !items.isEmpty {
            try await audit.recordRead(.list, "inbox", nil, residents: items.map { $0.request.$resident.id }, purpose: "Postvak ingezien", on: db)
        }
        return ResultPage(items: items, page: paging.page, perPage: paging.perPage, total: count.total, totalIsExact: count.exact)
    }

    /// How many items wait, exact up to `Limits.countCap`. Shows no personal data, so it is not an
    /// entry in the audit log.
    public func inboxCount() async throws -> (total: Int, exact: Bool) {
        guard actor.role == .partner, let organisation = actor.organisationID else { throw StoreError.forbidden }
        let n = try await db.sql().raw("""
            SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM (\(waitingSQL(organisation))) waiting
            LIMIT \(unsafeRaw: String(Limits.countCap + 1))) capped
            """).first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
        return (min(n, Limits.countCap), n <= Limits.countCap)
    }

    /// The four kinds of waiting work as one `UNION ALL`, each on an index of its own table.
    private func waitingSQL(_ organisation: UUID) -> SQLQueryString {
        let cutoff = partnerAccess.cutoff(on: today).description
        let closed = RequestStatus.closed.rawValue
        return """
            SELECT 'directRoute' AS kind, r.id AS request_id, r.id AS record_id, COALESCE(r.routed_on, r.intake_date) AS since
            FROM support_requests r
            WHERE r.direct_partner_id = \(bind: organisation) AND r.status = \(bind: RequestStatus.routed.rawValue)
              AND NOT EXISTS (SELECT 1 FROM direct_route_responses d
                              WHERE d.request_id = r.id AND d.organisation_id = \(bind: organisation) AND d.accepted = \(bind: true))
            UNION ALL
            SELECT 'careStart' AS kind, a.request_id AS request_id, a.id AS record_id, a.start_date AS since
            FROM assignments a JOIN support_requests r ON r.id = a.request_id
            WHERE a.provider_id = \(bind: organisation) AND a.care_started_on IS NULL AND r.status <> \(bind: closed)
              AND (a.end_date IS NULL OR a.end_date >= \(bind: cutoff))
            UNION ALL
            SELECT 'careEnd' AS kind, a.request_id AS request_id, a.id AS record_id, a.end_date AS since
            FROM assignments a
            WHERE a.provider_id = \(bind: organisation) AND a.care_started_on IS NOT NULL AND a.care_ended_on IS NULL
              AND a.end_date <= \(bind: today.description) AND a.end_date >= \(bind: cutoff)
            UNION ALL
            SELECT 'referralResult' AS kind, f.request_id AS request_id, f.id AS record_id, f.date AS since
            FROM referrals f JOIN support_requests r ON r.id = f.request_id
            WHERE f.partner_id = \(bind: organisation) AND f.status = \(bind: ReferralStatus.proposed.rawValue) AND r.status <> \(bind: closed)
            """
    }

    /// What the actor's organisation reported, newest first: the case events of its people. The
    /// details name choices and dates only, never the resident.
    public func reported(_ paging: Paging = .first) async throws -> ResultPage<CaseEvent> {
        guard actor.role == .partner, let organisation = actor.organisationID else { throw StoreError.forbidden }
        let kinds = [CaseEventKind.directAccepted, .directDeclined, .careStarted, .careEnded, .referralUpdated].map(\.rawValue)
        let query = CaseEvent.query(on: db).join(User.self, on: \CaseEvent.$actor.$id == \User.$id)
            .filter(User.self, \.$organisation.$id == organisation).filter(\.$kind ~~ kinds)
        let total = try await query.copy().count()
        let events = try await query.with(\.$actor).sort(\.$at, .descending).sort(\.$id)
            .range(paging.offset..<(paging.offset + paging.perPage)).all()
        return ResultPage(items: events, page: paging.page, perPage: paging.perPage, total: total, totalIsExact: true)
    }
}
