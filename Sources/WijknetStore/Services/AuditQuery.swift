import Fluent
import Foundation
import WijknetCore

/// What an auditor reads: the log, filtered, and a resident's "who looked at my file" overview
/// (AVG article 15). Only auditors; looking up a resident is itself logged.
public struct AuditQuery: Sendable {
    let db: any Database
    let actor: Actor
    let audit: AuditTrail
    let vault: BSNVault

    public init(db: any Database, actor: Actor, vault: BSNVault, channel: AuditChannel = .command) {
        self.db = db
        self.actor = actor
        self.vault = vault
        self.audit = AuditTrail(actor: actor, channel: channel)
    }

    public struct Filter: Sendable {
        public var username: String?
        public var action: AuditAction?
        public var from: CalendarDate?
        public var to: CalendarDate?
        /// One record's trail: what an entry is about (`request`) and its id.
        public var subject: String?
        public var subjectID: String?

        public init(username: String? = nil, action: AuditAction? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil,
                    subject: String? = nil, subjectID: String? = nil) {
            self.username = username
            self.action = action
            self.from = from
            self.to = to
            self.subject = subject
            self.subjectID = subjectID
        }
    }

    /// Entries, newest first.
    public func entries(_ filter: Filter, _ paging: Paging) async throws -> ResultPage<AuditEntry> {
        guard CasePolicy.mayAudit(actor.role) else { throw StoreError.forbidden }
        let query = AuditEntry.query(on: db)
        if let username = filter.username?.trimmingCharacters(in: .whitespaces).lowercased(), !username.isEmpty {
            query.filter(\.$username == username)
        }
        if let action = filter.action { query.filter(\.$action == action.rawValue) }
        if let subject = filter.subject { query.filter(\.$subject == subject) }
        if let subjectID = filter.subjectID { query.filter(\.$subjectID == subjectID) }
        // Timestamps are ISO 8601 text in UTC, so a range of days (in Dutch time, as the auditor
        // reads them) is a text range from one local midnight to the next.
        if let from = filter.from { query.filter(\.$at >= AuditLog.timestamp(from.start())) }
        if let to = filter.to { query.filter(\.$at < AuditLog.timestamp(to.adding(days: 1).start())) }
        let total = try await query.count()
        let items = try await query.copy().sort(\.$seq, .descending).offset(paging.offset).limit(paging.perPage).all()
        return ResultPage(items: items, page: paging.page, perPage: paging.perPage, total: total, totalIsExact: true)
    }

    /// Every entry that names the resident with this BSN, oldest first, for the resident's own
    /// overview of who saw or changed their data.
    public func residentAccess(bsn raw: String) async throws -> [AuditEntry] {
        guard CasePolicy.mayAudit(actor.role) else { throw StoreError.forbidden }
        guard let bsn = BSN(raw) else { throw StoreError.invalid(ValidationFailure("bsn", "BSN is ongeldig: het moet uit 9 cijfers bestaan en de elfproef doorstaan.")) }
        // Each area keeps its own record of a person: the overview covers all of them.
        let lookups = try await Area.query(on: db).all().map { vault.lookup(bsn, in: try $0.requireID()) }
        let ids = try await Resident.query(on: db).filter(\.$bsnLookup ~~ lookups).all().compactMap(\.id)
        guard !ids.isEmpty else { throw StoreError.notFound(what: "inwoner") }
        try await audit.recordRead(.search, "resident", ids.first, residents: ids, purpose: "Overzicht inzage voor de inwoner (AVG art. 15)", on: db)
        return try await AuditLog.entries(naming: ids + (try await ResidentService.mergedInto(ids, on: db)), on: db)
    }
}
