import Fluent
import Foundation
import SQLKit
import WijknetCore

/// Imports the case history from the system before Wijknet (`CaseHistoryFile`, docs/import.md):
/// residents by BSN, requests with their intake, route, meeting, decision, assignments, referrals
/// and closing on their real dates. The whole file is checked first; a good file is written in
/// one transaction, each request logged for its resident. A request whose `sourceId` was imported
/// before is skipped, so the same file imported twice adds nothing. Afterwards the figures of the
/// past quarters are those of the imported history.
public struct CaseHistoryImport: FileImport {
    let db: any Database
    let actor: Actor
    let vault: BSNVault
    let today: CalendarDate
    let audit: AuditTrail

    public init(db: any Database, actor: Actor, vault: BSNVault, today: CalendarDate = .today(), channel: AuditChannel = .api) {
        self.db = db
        self.actor = actor
        self.vault = vault
        self.today = today
        self.audit = AuditTrail(actor: actor, channel: channel)
    }

    public struct Checked: ImportCounts {
        let cases: [CaseHistoryFile.Case]
        public let total: Int
        public var new: Int { cases.count }
    }

    public typealias File = [UInt8]

    public func check(_ bytes: [UInt8]) async throws -> ImportCheck<Checked> {
        guard CasePolicy.mayImportCaseHistory(actor.role), actor.role != .coach || actor.areaID != nil else { throw StoreError.forbidden }
        let (cases, problems) = CaseHistoryFile.check(bytes, references: try await references(), today: today)
        guard problems.isEmpty else { return .refused(problems) }
        var imported: Set<String> = []
        let ids = cases.map(\.sourceID)
        for start in stride(from: 0, to: ids.count, by: 500) {
            let batch = Array(ids[start..<min(ids.count, start + 500)])
            for request in try await SupportRequest.query(on: db).filter(\.$sourceID ~~ batch).all() {
                if let id = request.sourceID { imported.insert(id) }
            }
        }
        let new = cases.filter { !imported.contains($0.sourceID) }
        // A resident the area does not know needs their details; one it knows keeps its record.
        let known = try await residents(new)
        let described = Set(new.filter { $0.resident != nil }.map(lookup))
        var refused: [FileProblem] = []
        for c in new {
            let key = lookup(c)
            if let birth = known[key]?.birthDate {
                if c.request.intakeDate < birth { refused.append(FileProblem(line: c.line, column: "intakeDate", message: "Het keukentafelgesprek ligt vóór de geboortedatum van de inwoner.")) }
            } else if c.resident == nil, !described.contains(key) {
                refused.append(FileProblem(line: c.line, column: "resident", message: "Deze inwoner is in dit gebied niet bekend: geef naam, geboortedatum en adres."))
            }
        }
        guard refused.isEmpty else { return .refused(refused) }
        return .ready(Checked(cases: new, total: cases.count))
    }

    /// Writes the checked requests in one transaction: all of them, or none when anything fails.
    public func apply(_ checked: Checked) async throws {
        try await db.transaction { db in
            var residents = try await self.residents(checked.cases, on: db).mapValues { $0.id }
            // A resident may be named in several requests, with details in only one of them.
            var details: [String: ValidResident] = [:]
            for c in checked.cases { if let given = c.resident, details[lookup(c)] == nil { details[lookup(c)] = given } }
            var areas: Set<UUID> = []
            for c in checked.cases {
                let residentID = try await resident(for: c, details: details[lookup(c)], known: &residents, on: db)
                try await write(c, resident: residentID, on: db)
                areas.insert(c.district.area)
            }
            for area in areas { try await FigureTallies.touch(area: area, on: db) }
        }
    }

    // MARK: reading what exists

    private func references() async throws -> CaseHistoryFile.References {
        let products = try await Product.query(on: db).all()
        let organisations = try await Organisation.query(on: db).all()
        let networks = try await Network.query(on: db).all()
        let districts = try await District.query(on: db).all()
        let coaches = try await User.query(on: db).filter(\.$role == .coach).all()
        return CaseHistoryFile.References(
            products: Dictionary(try products.map { ($0.code.lowercased(), (try $0.requireID(), $0.law)) }, uniquingKeysWith: { a, _ in a }),
            organisations: Dictionary(try organisations.map { ($0.name.lowercased(), (try $0.requireID(), $0.kind)) }, uniquingKeysWith: { a, _ in a }),
            districts: Dictionary(try districts.map { d in
                (d.code.uppercased(), CaseHistoryFile.References.District(id: try d.requireID(), area: d.$area.id,
                                                                         network: networks.first { $0.$area.id == d.$area.id }?.id))
            }, uniquingKeysWith: { a, _ in a }),
            memberships: try await Membership.query(on: db).all().map(\.period),
            reasons: try await Lookup.reasons(on: db),
            coaches: Dictionary(coaches.compactMap { u in u.$area.id.map { (u.username.lowercased(), (u.id!, $0)) } }, uniquingKeysWith: { a, _ in a }),
            importer: (actor.userID, actor.role == .coach ? actor.areaID : nil))
    }

    private func lookup(_ c: CaseHistoryFile.Case) -> String { vault.lookup(c.bsn, in: c.district.area) }

    /// The residents the areas know, by their area's BSN look-up.
    private func residents(_ cases: [CaseHistoryFile.Case], on db: (any Database)? = nil) async throws -> [String: (id: UUID, birthDate: CalendarDate?)] {
        let lookups = Array(Set(cases.map(lookup)))
        var found: [String: (id: UUID, birthDate: CalendarDate?)] = [:]
        for start in stride(from: 0, to: lookups.count, by: 500) {
            for r in try await Resident.query(on: db ?? self.db).filter(\.$bsnLookup ~~ Array(lookups[start..<min(lookups.count, start + 500)])).all() {
                found[r.bsnLookup] = (try r.requireID(), CalendarDate(r.birthDate))
            }
        }
        return found
    }

    // MARK: writing

    private func resident(for c: CaseHistoryFile.Case, details: ValidResident?, known: inout [String: UUID], on db: any Database) async throws -> UUID {
        if let id = known[lookup(c)] { return id }
        // `check` made sure that a request of the file gives the details of a resident the area does not know.
        guard let valid = details else { throw StoreError.invalid(ValidationFailure("resident", "Verzoek \(c.line): de gegevens van de inwoner ontbreken.")) }
        let household = Household()
        try await household.create(on: db)
        let resident = try Resident(householdID: try household.requireID(), valid: valid, area: c.district.area, vault: vault)
        try await resident.create(on: db)
        let id = try resident.requireID()
        try await audit.record(.create, "resident", id, residents: [id], purpose: "Inwoner geïmporteerd uit het vorige systeem", on: db)
        known[lookup(c)] = id
        return id
    }

    private func write(_ c: CaseHistoryFile.Case, resident: UUID, on db: any Database) async throws {
        let request = SupportRequest(valid: c.request, coachID: c.coachID, districtID: c.district.id, areaID: c.district.area, networkID: c.district.network)
        request.$resident.id = resident
        request.sourceID = c.sourceID
        request.status = c.status
        request.version = c.version
        request.route = c.route
        request.$directPartner.id = c.directPartner
        request.decidedOn = c.decisionDate?.description
        request.closedOn = c.closedOn?.description
        try await request.create(on: db)
        let id = try request.requireID()
        func event(_ kind: CaseEventKind, _ detail: String, _ day: CalendarDate) async throws {
            try await CaseEvent(requestID: id, kind: kind, detail: detail, actorID: c.coachID, at: Self.morning(of: day)).create(on: db)
        }
        let intake = c.request.intakeDate
        try await event(.registered, "Geïmporteerd uit het vorige systeem (\(c.sourceID))", intake)
        var item: AgendaItem?
        if let date = c.meetingDate, let network = c.district.network {
            let meeting = try await MeetingService.meeting(network: network, on: date, on: db)
            item = AgendaItem(meetingID: try meeting.requireID(), requestID: id)
            item!.decisionNote = c.decision?.note
            item!.decidedAt = c.decisionDate.map(Self.morning)
            try await item!.create(on: db)
            try await event(.placedOnAgenda, "Overleg van \(date.dutch)", intake)
        } else if c.route == .direct {
            try await event(.routedDirect, "Directe route", intake)
        }
        if let decision = c.decision, let day = c.decisionDate {
            for outcome in decision.outcomes {
                try await Outcome(requestID: id, agendaItemID: item?.id, valid: outcome, decidedOn: day, userID: actor.userID).create(on: db)
            }
            try await event(.decided, decision.outcomes.map(\.kind.label).joined(separator: "; "), day)
        }
        for (assignmentID, valid) in c.assignments {
            try await Assignment(id: assignmentID, requestID: id, valid: valid, userID: actor.userID).create(on: db)
            try await event(.assigned, "\(valid.draft.kind.label), vanaf \(valid.draft.start.dutch)", max(valid.draft.start, c.decisionDate ?? intake))
        }
        for valid in c.referrals {
            try await Referral(requestID: id, valid: valid, userID: actor.userID).create(on: db)
            try await event(.referred, valid.status.label, valid.date)
        }
        if let closed = c.closedOn { try await event(.closed, "", closed) }
        try await audit.record(.create, "request", id, residents: [resident], purpose: "Verzoek geïmporteerd uit het vorige systeem", on: db)
    }

    /// Mid-morning of a past day, for the timeline.
    static func morning(of day: CalendarDate) -> Date {
        Calendar.amsterdam.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 10)) ?? Date()
    }
}
