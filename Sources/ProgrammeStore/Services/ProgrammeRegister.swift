import Fluent
import Foundation
import ProgrammeCore
import SQLKit
import WijknetCore
import WijknetStore

/// The programme register (issue 17): programmes, their opgaven, initiatives and milestones,
/// kept by policy staff. Every change is checked by the core's inputs and written in one
/// transaction with its audit entry. A change to an opgave, initiative or milestone names the
/// version it was made on; when someone else changed the record since, it is refused with a
/// conflict, never written over. The register holds no personal data.
public struct ProgrammeRegister: Sendable {
    let db: any Database
    let trail: AuditTrail

    public init(db: any Database, trail: AuditTrail) {
        self.db = db
        self.trail = trail
    }

    public func createProgramme(municipality: UUID, _ input: ProgrammeInput) async throws -> UUID {
        try mayEdit()
        let draft = try validating { () throws(ValidationFailure) in try input.validated() }
        guard try await Municipality.find(municipality, on: db) != nil else {
            throw StoreError.invalid(ValidationFailure("municipalityId", "Deze gemeente is onbekend."))
        }
        let record = ProgrammeRecord(municipalityID: municipality, name: draft.name, firstDay: draft.span.first.description,
                                     lastDay: draft.span.last.description, owner: draft.owner)
        try await db.transaction { db in
            try await record.create(on: db)
            try await audit(.create, "programme", record.id, on: db)
        }
        return try record.requireID()
    }

    public func addOpgave(to programme: UUID, _ input: OpgaveInput) async throws -> UUID {
        try mayEdit()
        return try await db.transaction { db in
            guard try await ProgrammeRecord.find(programme, on: db) != nil else { throw StoreError.notFound(what: "programma") }
            let taken = Set(try await OpgaveRecord.query(on: db).filter(\.$programme.$id == programme).all().map(\.number))
            let draft = try validating { () throws(ValidationFailure) in try input.validated(taken: taken) }
            let record = OpgaveRecord()
            record.$programme.id = programme
            record.version = 1
            Self.apply(draft, to: record)
            return try await create(record, "programme-opgave", on: db)
        }
    }

    /// Changes an opgave that the editor read at `version`.
    public func updateOpgave(_ id: UUID, _ input: OpgaveInput, version: Int?) async throws {
        try mayEdit()
        let version = try Self.required(version)
        try await db.transaction { db in
            guard let record = try await OpgaveRecord.find(id, on: db) else { throw StoreError.notFound(what: "opgave") }
            let taken = Set(try await OpgaveRecord.query(on: db).filter(\.$programme.$id == record.$programme.id).filter(\.$id != id).all().map(\.number))
            let draft = try validating { () throws(ValidationFailure) in try input.validated(taken: taken) }
            try await claim(OpgaveRecord.schema, id, version: version, what: "deze opgave", on: db)
            Self.apply(draft, to: record)
            record.version = version + 1
            try await record.update(on: db)
            try await audit(.update, "programme-opgave", id, on: db)
        }
    }

    public func addInitiative(to opgave: UUID, _ input: InitiativeInput) async throws -> UUID {
        try mayEdit()
        let draft = try validating { () throws(ValidationFailure) in try input.validated() }
        return try await db.transaction { db in
            guard try await OpgaveRecord.find(opgave, on: db) != nil else { throw StoreError.notFound(what: "opgave") }
            let record = InitiativeRecord()
            record.$opgave.id = opgave
            record.title = draft.title
            record.owner = draft.owner
            record.startDay = draft.start.description
            record.endDay = draft.end?.description
            record.status = draft.status.rawValue
            record.links = String(decoding: try JSONEncoder().encode(draft.links), as: UTF8.self)
            record.version = 1
            return try await create(record, "programme-initiative", on: db)
        }
    }

    public func addMilestone(to initiative: UUID, _ input: MilestoneInput, today: CalendarDate) async throws -> UUID {
        try mayEdit()
        return try await db.transaction { db in
            guard let parent = try await InitiativeRecord.find(initiative, on: db) else { throw StoreError.notFound(what: "initiatief") }
            let milestone = try Self.milestone(input, of: parent, today: today)
            let record = MilestoneRecord()
            record.$initiative.id = initiative
            record.version = 1
            Self.apply(milestone, to: record)
            return try await create(record, "programme-milestone", on: db)
        }
    }

    /// Changes a milestone that the editor read at `version`: reached, at risk, late with a reason.
    public func updateMilestone(_ id: UUID, _ input: MilestoneInput, version: Int?, today: CalendarDate) async throws {
        try mayEdit()
        let version = try Self.required(version)
        try await db.transaction { db in
            guard let record = try await MilestoneRecord.find(id, on: db),
                  let parent = try await InitiativeRecord.find(record.$initiative.id, on: db) else { throw StoreError.notFound(what: "mijlpaal") }
            let milestone = try Self.milestone(input, of: parent, today: today)
            try await claim(MilestoneRecord.schema, id, version: version, what: "deze mijlpaal", on: db)
            Self.apply(milestone, to: record)
            record.version = version + 1
            try await record.update(on: db)
            try await audit(.update, "programme-milestone", id, on: db)
        }
    }

    /// The milestones of an opgave's initiatives, as the progress rule reads them.
    public func milestones(ofOpgave opgave: UUID) async throws -> [Milestone] {
        try mayEdit()
        let initiatives = try await InitiativeRecord.query(on: db).filter(\.$opgave.$id == opgave).all().compactMap(\.id)
        guard !initiatives.isEmpty else { return [] }
        return try await MilestoneRecord.query(on: db).filter(\.$initiative.$id ~~ initiatives).sort(\.$planned).all().map { try Self.milestone($0) }
    }

    /// The programmes, by name.
    public func programmes() async throws -> [RegisterView] {
        try mayEdit()
        return try await ProgrammeRecord.query(on: db).sort(\.$name).all().map { try Self.view($0, opgaven: []) }
    }

    /// One programme with its opgaven, initiatives and milestones, in number and date order.
    public func register(_ programme: UUID) async throws -> RegisterView {
        try mayEdit()
        guard let record = try await ProgrammeRecord.find(programme, on: db) else { throw StoreError.notFound(what: "programma") }
        let opgaven = try await OpgaveRecord.query(on: db).filter(\.$programme.$id == programme).sort(\.$number).all()
        let initiatives = opgaven.isEmpty ? [] : try await InitiativeRecord.query(on: db).filter(\.$opgave.$id ~~ opgaven.compactMap(\.id))
            .sort(\.$startDay).sort(\.$title).all()
        let milestones = initiatives.isEmpty ? [] : try await MilestoneRecord.query(on: db).filter(\.$initiative.$id ~~ initiatives.compactMap(\.id))
            .sort(\.$planned).sort(\.$title).all()
        let milestonesByInitiative = Dictionary(grouping: milestones, by: { $0.$initiative.id })
        let initiativesByOpgave = Dictionary(grouping: initiatives, by: { $0.$opgave.id })
        let rows = try opgaven.map { opgave in
            let id = try opgave.requireID()
            return RegisterView.OpgaveRow(id: id, version: opgave.version, number: opgave.number, name: opgave.name, goal: opgave.goal,
                                          portfolioHolder: opgave.portfolioHolder, official: opgave.official,
                                          initiatives: try (initiativesByOpgave[id] ?? []).map { try Self.row($0, milestones: milestonesByInitiative) })
        }
        return try Self.view(record, opgaven: rows)
    }

    /// One milestone with its version, and the programme it belongs to.
    public func milestone(_ id: UUID) async throws -> (programme: UUID, row: RegisterView.MilestoneRow) {
        try mayEdit()
        guard let record = try await MilestoneRecord.find(id, on: db) else { throw StoreError.notFound(what: "mijlpaal") }
        return (try await programme(ofInitiative: record.$initiative.id), RegisterView.MilestoneRow(id: id, version: record.version, milestone: try Self.milestone(record)))
    }

    /// The programme an initiative belongs to.
    public func programme(ofInitiative id: UUID) async throws -> UUID {
        try mayEdit()
        guard let initiative = try await InitiativeRecord.find(id, on: db) else { throw StoreError.notFound(what: "initiatief") }
        return try await programme(ofOpgave: initiative.$opgave.id)
    }

    /// The programme an opgave belongs to.
    public func programme(ofOpgave id: UUID) async throws -> UUID {
        try mayEdit()
        guard let opgave = try await OpgaveRecord.find(id, on: db) else { throw StoreError.notFound(what: "opgave") }
        return opgave.$programme.id
    }

    // MARK: - Parts

    private static func view(_ record: ProgrammeRecord, opgaven: [RegisterView.OpgaveRow]) throws -> RegisterView {
        guard let first = CalendarDate(record.firstDay), let last = CalendarDate(record.lastDay),
              let span = ReportingPeriod(first: first, last: last) else { throw UnreadableRecord(table: ProgrammeRecord.schema, id: record.id) }
        return RegisterView(id: try record.requireID(), municipalityID: record.$municipality.id, name: record.name, span: span,
                            owner: record.owner, opgaven: opgaven)
    }

    private static func row(_ record: InitiativeRecord, milestones: [UUID: [MilestoneRecord]]) throws -> RegisterView.InitiativeRow {
        let id = try record.requireID()
        guard let start = CalendarDate(record.startDay), let status = InitiativeStatus(rawValue: record.status),
              let links = try? JSONDecoder().decode([ProgrammeLink].self, from: Data(record.links.utf8)) else {
            throw UnreadableRecord(table: InitiativeRecord.schema, id: record.id)
        }
        return RegisterView.InitiativeRow(id: id, version: record.version, title: record.title, owner: record.owner, start: start,
                                          end: record.endDay.flatMap(CalendarDate.init), status: status, links: links,
                                          milestones: try (milestones[id] ?? []).map { RegisterView.MilestoneRow(id: try $0.requireID(), version: $0.version, milestone: try Self.milestone($0)) })
    }

    private func mayEdit() throws {
        guard CasePolicy.editsProgramme(trail.actor.role) else { throw StoreError.forbidden }
    }

    /// Stores a new record with its audit entry; its id.
    private func create<M: Model>(_ record: M, _ subject: String, on db: any Database) async throws -> UUID where M.IDValue == UUID {
        try await record.create(on: db)
        try await audit(.create, subject, record.id, on: db)
        return try record.requireID()
    }

    private func audit(_ action: AuditAction, _ subject: String, _ id: UUID?, on db: any Database) async throws {
        try await AuditLog.append(trail, action, subject: subject, subjectID: id, residents: [], purpose: "Programmaregister", on: db)
    }

    /// Moves the record's version on if it is still `version`, in one statement, so of two editors
    /// who read the same version exactly one goes through.
    private func claim(_ schema: String, _ id: UUID, version: Int, what: String, on db: any Database) async throws {
        let claimed = try await db.sql().update(schema).set("version", to: version + 1)
            .where("id", .equal, id).where("version", .equal, version).returning("id").all()
        guard !claimed.isEmpty else {
            throw StoreError.conflict(message: "Iemand anders heeft \(what) intussen gewijzigd. Open de nieuwste versie en breng je wijziging opnieuw aan.")
        }
    }

    /// A change names the version it was made on.
    private static func required(_ version: Int?) throws -> Int {
        guard let version else { throw StoreError.invalid(ValidationFailure("version", "Geef de versie mee waarop je wijziging is gebaseerd.")) }
        return version
    }

    private static func milestone(_ input: MilestoneInput, of initiative: InitiativeRecord, today: CalendarDate) throws -> Milestone {
        guard let start = CalendarDate(initiative.startDay) else { throw StoreError.notFound(what: "initiatief") }
        return try validating { () throws(ValidationFailure) in try input.validated(initiativeStart: start, today: today) }
    }

    /// A stored milestone; every value was checked when it was written, so one that does not read
    /// back is damage to report, never a value to guess.
    private static func milestone(_ record: MilestoneRecord) throws -> Milestone {
        guard let planned = PlannedMoment(record.planned), let reported = MilestoneState(rawValue: record.reported) else {
            throw UnreadableRecord(table: MilestoneRecord.schema, id: record.id)
        }
        return Milestone(title: record.title, planned: planned, reached: record.reachedOn.flatMap(CalendarDate.init), reported: reported,
                         lateReason: record.lateReason)
    }

    private static func apply(_ draft: OpgaveDraft, to record: OpgaveRecord) {
        record.number = draft.number
        record.name = draft.name
        record.goal = draft.goal
        record.portfolioHolder = draft.portfolioHolder
        record.official = draft.official
    }

    private static func apply(_ milestone: Milestone, to record: MilestoneRecord) {
        record.title = milestone.title
        record.planned = milestone.planned.text
        record.reachedOn = milestone.reached?.description
        record.reported = milestone.reported.rawValue
        record.lateReason = milestone.lateReason
    }
}

/// A stored row that does not read back as what was written: a defect or damage, answered as a
/// server error and logged by its table and id only.
public struct UnreadableRecord: Error {
    public let table: String
    public let id: UUID?
}
