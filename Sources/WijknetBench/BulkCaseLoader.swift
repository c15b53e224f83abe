import Fluent
import Foundation
import SQLKit
import WijknetCore
import WijknetStore

/// Writes synthetic cases straight into the tables, in batches, for benchmarks at scale. It tells
/// the same stories as `CaseGenerator` and applies the same rules (status through
/// `RequestLifecycle`, inside/outside through `NetworkPlacement`), but skips the per-request
/// transactions and look-ups of the services, which `wijknet bench` measures separately.
public struct BulkCaseLoader: Sendable {
    let world: DemoWorld
    let db: any Database
    let vault: BSNVault

    public init(world: DemoWorld, db: any Database, vault: BSNVault) {
        self.world = world
        self.db = db
        self.vault = vault
    }

    public func load(count: Int, from: CalendarDate, to: CalendarDate, seed: UInt64, bsnStart: Int, batch: Int = 2_000,
                     progress: @Sendable (Int) -> Void = { _ in }) async throws {
        var rng = SeededRandom(seed: seed)
        var bsns = BSNSequence(start: bsnStart)
        let span = max(1, from.days(until: to))
        var memberships: [UUID: [MembershipPeriod]] = [:]
        for area in world.areas {
            if let network = area.networkID { memberships[network] = try await Lookup.memberships(network: network, on: db) }
        }
        let networkDays = try await Network.query(on: db).all().reduce(into: [UUID: Int]()) { $0[$1.id!] = $1.meetingWeekday }
        var meetings = try await Meeting.query(on: db).all().reduce(into: [String: UUID]()) { $0["\($1.$network.id)|\($1.date)"] = $1.id! }
        let today = CalendarDate.today()
        var done = 0
        while done < count {
            var rows = BulkRows()
            for n in done..<min(count, done + batch) {
                let intake = from.adding(days: n * span / max(1, count))
                let story = SyntheticCase.make(world: world, area: world.areas[n % world.areas.count], intake: intake, bsn: bsns.next(), rng: &rng)
                let bsn = BSN(story.resident.bsn!)!
                rows.add(story, sealedBSN: try vault.seal(bsn), bsnLookup: vault.lookup(bsn, in: world.areas[n % world.areas.count].id), world: world, memberships: memberships,
                         networkDays: networkDays, meetings: &meetings, today: today)
            }
            let batchRows = rows
            try await db.transaction { db in
                try await batchRows.insert(into: try db.sql())
                for area in world.areas { try await FigureTallies.touch(area: area.id, on: db) }
            }
            done = min(count, done + batch)
            progress(done)
        }
    }
}

/// The rows of one batch, per table, inserted parents first (also used by `NationalData`).
struct BulkRows: Sendable {
    var tables: [(table: String, columns: [String], rows: [[any Encodable & Sendable]])] = []
    private var index: [String: Int] = [:]

    /// How many rows the batch holds, over all tables.
    var count: Int { tables.reduce(0) { $0 + $1.rows.count } }

    mutating func append(_ table: String, _ columns: [String], _ row: [any Encodable & Sendable]) {
        if let i = index[table] {
            tables[i].rows.append(row)
        } else {
            index[table] = tables.count
            tables.append((table, columns, [row]))
        }
    }

    /// Inserts the batch table by table, parents first, in statements that stay under SQLite's
    /// limit on bound values.
    func insert(into sql: any SQLDatabase) async throws {
        let order = [Household.schema, Resident.schema, Meeting.schema, SupportRequest.schema, AgendaItem.schema,
                     Outcome.schema, Assignment.schema, Referral.schema, CaseEvent.schema]
        for table in tables.sorted(by: { (order.firstIndex(of: $0.table) ?? 99) < (order.firstIndex(of: $1.table) ?? 99) }) {
            let perStatement = max(1, 30_000 / table.columns.count)
            var start = 0
            while start < table.rows.count {
                var insert = sql.insert(into: table.table).columns(table.columns)
                for row in table.rows[start..<min(table.rows.count, start + perStatement)] {
                    insert = insert.values(row.map { SQLBind($0) })
                }
                try await insert.run()
                start += perStatement
            }
        }
    }

    mutating func add(_ story: SyntheticCase, sealedBSN: String, bsnLookup: String, world: DemoWorld, memberships: [UUID: [MembershipPeriod]], networkDays: [UUID: Int],
                      meetings: inout [String: UUID], today: CalendarDate) {
        let area = story.area
        let coach = area.coach.userID
        let network = area.networkID
        let periods = network.flatMap { memberships[$0] } ?? []
        let none = Optional<String>.none
        let noID = Optional<UUID>.none
        func at(_ day: CalendarDate) -> Date {
            Calendar.amsterdam.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 10)) ?? Date()
        }
        func event(_ request: UUID, _ kind: CaseEventKind, _ detail: String, _ actor: UUID, _ day: CalendarDate) {
            append(CaseEvent.schema, ["id", "request_id", "kind", "detail", "actor_id", "at"], [UUID(), request, kind.rawValue, detail, actor, at(day)])
        }

        let household = UUID()
        let resident = UUID()
        let r = story.resident
        append(Household.schema, ["id", "created_at"], [household, at(story.intake)])
        append(Resident.schema, ["id", "household_id", "given_name", "family_name", "birth_date", "bsn_sealed", "bsn_lookup", "street", "house_number", "postcode",
                                 "city", "district_id", "created_at", "updated_at"],
               [resident, household, r.givenName!, r.familyName!, r.birthDate!, sealedBSN, bsnLookup, r.street!, r.houseNumber!,
                r.postcode!.replacingOccurrences(of: " ", with: ""), r.city!, UUID(uuidString: r.districtId!)!, at(story.intake), at(story.intake)])

        let request = UUID()
        var status = RequestStatus.registered
        var version = 1
        func step(_ e: RequestEvent) {
            status = (try? RequestLifecycle.next(after: status, on: e)) ?? status
            version += 1
        }
        event(request, .registered, "Wet: \(story.law.label); urgentie: \(story.urgency.label)", coach, story.intake)
        var decisionDay = story.intake.adding(days: story.directDecisionOffset)
        var agendaItem: UUID?
        if story.viaMeeting, let network {
            decisionDay = story.intake.onOrAfter(weekday: networkDays[network] ?? 2)
            let key = "\(network)|\(decisionDay)"
            let meeting = meetings[key] ?? {
                let id = UUID()
                meetings[key] = id
                append(Meeting.schema, ["id", "network_id", "date"], [id, network, decisionDay.description])
                return id
            }()
            agendaItem = UUID()
            step(.routeToMeeting)
            event(request, .placedOnAgenda, "Overleg van \(decisionDay.dutch)", coach, story.intake)
            let decided = decisionDay <= today
            append(AgendaItem.schema, ["id", "meeting_id", "request_id", "decision_note", "decided_at", "created_at"],
                   [agendaItem!, meeting, request, none, decided ? Optional(at(decisionDay)) : nil, at(story.intake)])
        } else {
            step(.routeDirect)
            event(request, .routedDirect, "Directe route", coach, story.intake)
        }
        let decided = decisionDay <= today
        var closedOn: CalendarDate?
        if decided {
            step(.decide)
            let decider = story.viaMeeting ? (area.chair?.userID ?? coach) : coach
            for outcome in story.outcomes {
                let inside = outcome.organisation.map {
                    NetworkPlacement.isInside(provider: $0, network: network, on: decisionDay, memberships: periods)
                }
                let reason = outcome.kind == .indicatedCare && inside == false ? outcome.reason : nil
                append(Outcome.schema, ["id", "request_id", "agenda_item_id", "kind", "organisation_id", "activity", "note", "inside_network",
                                        "outside_reason", "outside_reason_text", "decided_on", "created_by"],
                       [UUID(), request, agendaItem, outcome.kind.rawValue, outcome.organisation, outcome.activity, none, inside,
                        reason, none, decisionDay.description, decider])
            }
            event(request, .decided, story.outcomes.map(\.kind.label).joined(separator: "; "), decider, decisionDay)
            let products = world.products[story.careLaw]!
            let reasons = story.outcomes.filter { $0.kind == .indicatedCare }.map(\.reason)
            for (care, reason) in zip(story.care, reasons) {
                let start = decisionDay.adding(days: care.startOffset)
                let inside = NetworkPlacement.isInside(provider: care.provider, network: network, on: start, memberships: periods)
                let first = UUID()
                append(Assignment.schema, ["id", "request_id", "law", "product_id", "provider_id", "hours_per_week", "start_date", "end_date",
                                           "kind", "previous_assignment_id", "inside_network", "outside_reason", "outside_reason_text",
                                           "created_by", "created_at"],
                       [first, request, story.careLaw.rawValue, care.specialist ? products.specialist : products.basic, care.provider, care.hours,
                        start.description, start.adding(days: 182).description, AssignmentKind.first.rawValue, noID, inside,
                        inside ? nil : reason, none, coach, at(decisionDay)])
                step(.startSupport)
                event(request, .assigned, "Eerste toewijzing", coach, decisionDay)
                if care.renewal {
                    append(Assignment.schema, ["id", "request_id", "law", "product_id", "provider_id", "hours_per_week", "start_date", "end_date",
                                               "kind", "previous_assignment_id", "inside_network", "outside_reason", "outside_reason_text",
                                               "created_by", "created_at"],
                           [UUID(), request, story.careLaw.rawValue, products.basic, care.provider, max(1, care.hours - 1),
                            start.adding(days: 183).description, start.adding(days: 365).description, AssignmentKind.renewal.rawValue,
                            Optional(first), NetworkPlacement.isInside(provider: care.provider, network: network, on: start.adding(days: 183), memberships: periods),
                            none, none, coach, at(decisionDay)])
                    step(.startSupport)
                    event(request, .assigned, "Verlenging", coach, decisionDay)
                }
            }
            for welfare in story.welfare {
                append(Referral.schema, ["id", "request_id", "partner_id", "activity", "date", "status", "created_by", "created_at", "updated_at"],
                       [UUID(), request, welfare.partner, welfare.activity, decisionDay.adding(days: welfare.dateOffset).description,
                        welfare.status.rawValue, coach, at(decisionDay), at(decisionDay)])
                step(.startSupport)
                event(request, .referred, welfare.status.label, coach, decisionDay)
            }
            if let closing = story.closingDay(decided: decisionDay, today: today) {
                step(.close)
                closedOn = closing
                event(request, .closed, "", coach, closing)
            }
        }
        append(SupportRequest.schema, ["id", "resident_id", "coach_id", "district_id", "area_id", "network_id", "intake_date", "summary", "law", "life_domains",
                                       "urgency", "consent_for_meeting", "status", "route", "direct_partner_id", "decided_on", "closed_on",
                                       "version", "created_at", "updated_at"],
               [request, resident, coach, UUID(uuidString: r.districtId!)!, area.id, network, story.intake.description, story.summary, story.law.rawValue,
                story.domains.map(\.rawValue).joined(separator: "|"), story.urgency.rawValue, story.consent, status.rawValue,
                (story.viaMeeting ? Route.meeting : Route.direct).rawValue, story.viaMeeting ? nil : story.directPartner,
                decided ? Optional(decisionDay.description) : nil, closedOn?.description, version, at(story.intake), at(story.intake)])
    }
}
