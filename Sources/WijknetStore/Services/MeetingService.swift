import Fluent
import Foundation
import SQLKit
import WijknetCore

/// The weekly wijknetwerkoverleg: meetings per network and their agendas.
public struct MeetingService: Sendable {
    let db: any Database
    let actor: Actor
    let audit: AuditTrail

    public init(db: any Database, actor: Actor, channel: AuditChannel = .command) {
        self.db = db
        self.actor = actor
        self.audit = AuditTrail(actor: actor, channel: channel)
    }

    /// The first meeting of the network on or after `date`; planned on the network's meeting day
    /// when there is none yet.
    static func nextMeeting(network networkID: UUID, from date: CalendarDate, on db: any Database) async throws -> Meeting {
        if let planned = try await Meeting.query(on: db).filter(\.$network.$id == networkID)
            .filter(\.$date >= date.description).sort(\.$date).first() {
            return planned
        }
        let network = try await Lookup.require(Network.self, networkID, on: db, what: "netwerk")
        return try await meeting(network: networkID, on: date.onOrAfter(weekday: network.meetingWeekday), on: db)
    }

    /// The network's meeting on `day`, added when there is none.
    static func meeting(network networkID: UUID, on day: CalendarDate, on db: any Database) async throws -> Meeting {
        // Two coaches routing at once may both find no meeting: the second insert gives way to the
        // first (one meeting per network and day) instead of failing, and both use that meeting.
        try await db.sql().raw("""
            INSERT INTO \(ident: Meeting.schema) (id, network_id, date) VALUES (\(bind: UUID()), \(bind: networkID), \(bind: day.description))
            ON CONFLICT (network_id, date) DO NOTHING
            """).run()
        guard let meeting = try await Meeting.query(on: db).filter(\.$network.$id == networkID).filter(\.$date == day.description).first() else {
            throw StoreError.notFound(what: "overleg")
        }
        return meeting
    }

    /// Networks whose meetings the actor may see: the chair's and coach's own area, and for a
    /// partner professional the networks their organisation is a core partner of today.
    public func networks(on today: CalendarDate = .today()) async throws -> [Network] {
        switch actor.role {
        case .coach, .chair:
            guard let area = actor.areaID else { throw StoreError.forbidden }
            return try await Network.query(on: db).filter(\.$area.$id == area).all()
        case .partner:
            guard let organisation = actor.organisationID else { throw StoreError.forbidden }
            let memberships = try await Membership.query(on: db).filter(\.$organisation.$id == organisation).all()
                .map(\.period).filter { $0.ring == .core && $0.covers(today) }
            let ids = memberships.map(\.networkID)
            return ids.isEmpty ? [] : try await Network.query(on: db).filter(\.$id ~~ ids).all()
        case .analyst, .council, .admin, .auditor:
            throw StoreError.forbidden
        }
    }

    /// Meetings of the actor's network, newest first, with the number of items on each agenda.
    public func meetings(limit: Int = 52) async throws -> [(meeting: Meeting, items: Int, open: Int)] {
        let ids = try await networks().compactMap(\.id)
        let meetings = try await Meeting.query(on: db).filter(\.$network.$id ~~ ids).sort(\.$date, .descending)
            .limit(limit).with(\.$items).all()
        return meetings.map { ($0, $0.items.count, $0.items.filter { $0.decidedAt == nil }.count) }
    }

    /// One meeting with its agenda, oldest request first.
    public func agenda(_ id: UUID) async throws -> (meeting: Meeting, network: Network, items: [AgendaItem]) {
        let meeting = try await visibleMeeting(id)
        let items = Self.inAgendaOrder(try await AgendaItem.query(on: db).filter(\.$meeting.$id == id)
            .with(\.$request) { $0.with(\.$resident).with(\.$district) }
            .all())
        try await audit.recordRead(.read, "agenda", id, residents: items.map { $0.request.$resident.id }, purpose: "Agenda wijknetwerkoverleg ingezien", on: db)
        return (meeting, meeting.network, items)
    }

    /// The request of the agenda item the chair takes next: the first one after `requestID` in
    /// agenda order that has no decision yet, else the first undecided one before it. Only an id,
    /// so no entry in the audit log; opening it is one.
    public func nextOpenItem(after requestID: UUID, in meetingID: UUID) async throws -> UUID? {
        try requirePlanner()
        _ = try await visibleMeeting(meetingID)
        let items = Self.inAgendaOrder(try await AgendaItem.query(on: db).filter(\.$meeting.$id == meetingID).with(\.$request).all())
        let open = items.filter { $0.decidedAt == nil && $0.$request.id != requestID }
        let position = items.firstIndex { $0.$request.id == requestID } ?? -1
        let later = open.first { item in (items.firstIndex { $0 === item } ?? 0) > position }
        return (later ?? open.first)?.$request.id
    }

    /// Per core partner of the meeting's network on the meeting's day: the capacity agreed in the
    /// membership against the hours of the assignments inside this network that run that day.
    /// Figures about organisations, no one's data: not an entry in the audit log.
    public func capacity(_ meetingID: UUID) async throws -> [(organisation: Organisation, use: CapacityUse)] {
        try requirePlanner()
        let meeting = try await visibleMeeting(meetingID)
        guard let day = CalendarDate(meeting.date) else { return [] }
        let memberships = try await Membership.query(on: db).filter(\.$network.$id == meeting.$network.id).with(\.$organisation).all()
            .filter { $0.ring == .core && $0.period.covers(day) }
        let partners = memberships.map(\.$organisation.id)
        guard !partners.isEmpty else { return [] }
        let assignments = try await Assignment.query(on: db)
            .join(SupportRequest.self, on: \Assignment.$request.$id == \SupportRequest.$id)
            .filter(SupportRequest.self, \.$network.$id == meeting.$network.id)
            .filter(\.$provider.$id ~~ partners).filter(\.$insideNetwork == true)
            // Dates are ISO text, so "started by the day" is a text comparison; the end is checked below.
            .filter(\.$start <= day.description).all()
        return memberships.map { m in
            let own = assignments.filter { $0.$provider.id == m.$organisation.id }.compactMap { a -> (start: CalendarDate, end: CalendarDate?, hoursPerWeek: Double)? in
                CalendarDate(a.start).map { ($0, a.end.flatMap(CalendarDate.init), a.hoursPerWeek) }
            }
            return (m.organisation, CapacityUse(agreedHours: m.capacityHoursPerWeek, runningHours: CapacityUse.runningHours(on: day, own)))
        }.sorted { $0.organisation.name.localizedStandardCompare($1.organisation.name) == .orderedAscending }
    }

    private func visibleMeeting(_ id: UUID) async throws -> Meeting {
        let networkIDs = try await networks().compactMap(\.id)
        guard let meeting = try await Meeting.query(on: db).filter(\.$id == id).with(\.$network).first(),
              networkIDs.contains(meeting.$network.id) else { throw StoreError.notFound(what: "overleg") }
        return meeting
    }

    /// Oldest request first; the earlier placed item first on the same intake day.
    static func inAgendaOrder(_ items: [AgendaItem]) -> [AgendaItem] {
        items.sorted { ($0.request.intakeDate, $0.createdAt ?? .distantPast) < ($1.request.intakeDate, $1.createdAt ?? .distantPast) }
    }

    /// Partners take part in the meeting; the network's own people (coach, chair) plan it.
    public func requirePlanner() throws {
        guard CasePolicy.plansMeetings(actor.role) else { throw StoreError.forbidden }
    }

    /// Plans the network's next meeting on or after `date` (or returns the one already planned).
    public func plan(network: UUID, from date: CalendarDate) async throws -> Meeting {
        try requirePlanner()
        let networkIDs = try await networks().compactMap(\.id)
        guard networkIDs.contains(network) else { throw StoreError.notFound(what: "netwerk") }
        return try await Self.nextMeeting(network: network, from: date, on: db)
    }
}
