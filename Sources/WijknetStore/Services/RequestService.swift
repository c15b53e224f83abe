import Fluent
import FluentSQL
import Foundation
import SQLKit
import WijknetCore

/// The case flow of one support request: register, edit, route, decide, assign, refer, close;
/// the partner's reports are in `RequestService+Partner`.
/// Every step checks the actor against `CasePolicy`, moves the status through
/// `RequestLifecycle`, raises the version, and records a `CaseEvent`, in one transaction.
public struct RequestService: Sendable {
    let db: any Database
    let actor: Actor
    let today: CalendarDate
    let audit: AuditTrail
    let partnerAccess: PartnerAccess
    /// Who hears of a step by e-mail; silent unless e-mail is configured.
    let outbox: Outbox

    public init(db: any Database, actor: Actor, today: CalendarDate = .today(), channel: AuditChannel = .command,
                partnerAccess: PartnerAccess = .standard, outbox: Outbox = Outbox(enabled: false)) {
        self.db = db
        self.actor = actor
        self.today = today
        self.audit = AuditTrail(actor: actor, channel: channel)
        self.partnerAccess = partnerAccess
        self.outbox = outbox
    }

    // MARK: register and edit

    public func register(_ input: RequestInput) async throws -> SupportRequest {
        guard CasePolicy.mayRegister(actor.role) else { throw StoreError.forbidden }
        let valid: ValidRequest
        do { valid = try input.validate(today: today) } catch { throw StoreError.invalid(error) }
        return try await db.transaction { db in
            guard let resident = try await Resident.query(on: db).filter(\.$id == valid.residentID).with(\.$district).first(),
                  resident.district.$area.id == actor.areaID else {
                throw StoreError.invalid(ValidationFailure("residentId", "Deze inwoner is onbekend."))
            }
            if let birth = CalendarDate(resident.birthDate), valid.intakeDate < birth {
                throw StoreError.invalid(ValidationFailure("intakeDate", "De datum van het keukentafelgesprek ligt vóór de geboortedatum van de inwoner."))
            }
            let network = try await Network.query(on: db).filter(\.$area.$id == resident.district.$area.id).first()
            let request = SupportRequest(valid: valid, coachID: actor.userID, districtID: resident.$district.id,
                                         areaID: resident.district.$area.id, networkID: network?.id)
            try await request.create(on: db)
            try await record(.registered, "Wet: \(valid.law.label); urgentie: \(valid.urgency.label)", on: request, db)
            try await audit.record(.create, "request", request.id, residents: [valid.residentID], purpose: "Verzoek vastgelegd na keukentafelgesprek", on: db)
            return request
        }
    }

    public func update(_ id: UUID, _ input: RequestUpdateInput) async throws -> SupportRequest {
        try await db.transaction { db in
            // Access first, then input: someone without access learns nothing from a validation error.
            let request = try await load(id, for: .write, on: db)
            let valid = try validating { () throws(ValidationFailure) in try input.validate() }
            guard request.status.isOpen else { throw StoreError.notAllowed(message: "Een afgesloten verzoek kun je niet meer wijzigen.") }
            request.summary = valid.summary
            request.urgency = valid.urgency
            request.lifeDomainsText = valid.lifeDomains.map(\.rawValue).joined(separator: "|")
            request.consentForMeeting = valid.consentForMeeting
            try await advance(request, nil, expectedVersion: valid.version, db)
            try await record(.updated, "Omschrijving, urgentie of leefgebieden gewijzigd", on: request, db)
            try await audit.record(.update, "request", id, residents: [request.$resident.id], purpose: "Verzoek gewijzigd", on: db)
            return request
        }
    }

    // MARK: route

    public func route(_ id: UUID, _ input: RouteInput, expectedVersion: Int? = nil) async throws -> SupportRequest {
        try await db.transaction { db in
            let request = try await load(id, for: .write, on: db)
            let valid = try validating { () throws(ValidationFailure) in try input.validate() }
            switch valid.route {
            case .direct:
                guard let partner = try await Organisation.find(valid.partnerID, on: db) else {
                    throw StoreError.invalid(ValidationFailure("partnerId", "Deze partner is onbekend."))
                }
                let partnerID = try partner.requireID()
                let memberships = try await Membership.query(on: db).filter(\.$organisation.$id == partnerID).all().map(\.period)
                guard DirectRoute.allows(partner: partnerID, kind: partner.kind, network: request.$network.id, law: request.law,
                                         on: today, memberships: memberships) else {
                    throw StoreError.invalid(ValidationFailure("partnerId", DirectRoute.refusal))
                }
                request.route = .direct
                request.$directPartner.id = partner.id
                request.routedOn = today.description
                try await advance(request, .routeDirect, expectedVersion: expectedVersion, db)
                try await record(.routedDirect, "Partner: \(partner.name)", on: request, db)
                try await outbox.organisation(partnerID, .directRoute, about: id, on: db)
            case .meeting:
                guard let networkID = request.$network.id else {
                    throw StoreError.invalid(ValidationFailure("route", "De wijk van dit verzoek heeft geen wijknetwerk: kies de directe route."))
                }
                let meeting = try await MeetingService.nextMeeting(network: networkID, from: today, on: db)
                request.route = .meeting
                try await advance(request, .routeToMeeting, expectedVersion: expectedVersion, db)
                try await AgendaItem(meetingID: try meeting.requireID(), requestID: try request.requireID()).create(on: db)
                try await record(.placedOnAgenda, "Overleg van \(CalendarDate(meeting.date)?.dutch ?? meeting.date)", on: request, db)
                try await outbox.chairs(of: request.$area.id, .placedOnAgenda, about: try meeting.requireID(), on: db)
            }
            try await audit.record(.route, "request", id, residents: [request.$resident.id], purpose: "Route gekozen: \(valid.route.label)", on: db)
            return request
        }
    }

    // MARK: decide

    /// Records the outcomes of a request: by the coach after a direct route, or by the meeting
    /// (chair or coach) for a request on the agenda.
    public func decide(_ id: UUID, _ input: DecisionInput) async throws -> [Outcome] {
        try await db.transaction { db in
            let request = try await load(id, for: .decide, on: db)
            guard CasePolicy.decidesNow(actor.role, status: request.status) else { throw StoreError.forbidden }
            let memberships = try await Lookup.memberships(network: request.$network.id, on: db)
            let organisations = try await Organisation.query(on: db).filter(\.$id ~~ input.organisationIDs).all()
            let known = Set(organisations.compactMap(\.id))
            let item = try await AgendaItem.query(on: db).filter(\.$request.$id == id).filter(\.$decidedAt == nil).with(\.$meeting).first()
            let valid: ValidDecision
            do {
                valid = try input.validate(placement: { org in
                    guard known.contains(org) else { return nil }
                    return NetworkPlacement.isInside(provider: org, network: request.$network.id, on: today, memberships: memberships)
                }, reasons: try await Lookup.reasons(on: db), byMeeting: item != nil)
            } catch let failure as ValidationFailure {
                throw StoreError.invalid(failure)
            }
            // The meeting's decision belongs to a meeting that has been held; K1 counts it.
            if let date = item.flatMap({ CalendarDate($0.meeting.date) }), date > today {
                throw StoreError.notAllowed(message: "Het overleg van \(date.dutch) is nog niet gehouden: leg het besluit vast op of na die dag.")
            }
            try await advance(request, .decide, expectedVersion: valid.version, db)
            request.decidedOn = today.description
            try await request.save(on: db)
            var outcomes: [Outcome] = []
            for outcome in valid.outcomes {
                let model = Outcome(requestID: id, agendaItemID: item?.id, valid: outcome, decidedOn: today, userID: actor.userID)
                try await model.create(on: db)
                outcomes.append(model)
            }
            if let item {
                item.decisionNote = valid.note
                item.decidedAt = Date()
                try await item.save(on: db)
            }
            let names = Dictionary(uniqueKeysWithValues: organisations.compactMap { o in o.id.map { ($0, o.name) } })
            let summary = valid.outcomes.map { o in
                [o.kind.label, o.organisationID.flatMap { names[$0] }].compactMap { $0 }.joined(separator: ": ")
            }.joined(separator: "; ")
            try await record(.decided, summary, on: request, db)
            if request.$coach.id != actor.userID { try await outbox.user(request.$coach.id, .decided, about: id, on: db) }
            for organisation in Set(valid.outcomes.compactMap(\.organisationID)) {
                try await outbox.organisation(organisation, .decided, about: id, on: db)
            }
            try await audit.record(.decide, "request", id, residents: [request.$resident.id], purpose: "Besluit vastgelegd", on: db)
            return outcomes
        }
    }

    // MARK: assignments and referrals

    public func addAssignment(_ id: UUID, _ input: AssignmentInput, expectedVersion: Int? = nil) async throws -> Assignment {
        try await db.transaction { db in
            let request = try await load(id, for: .write, on: db)
            var draft = try validating { () throws(ValidationFailure) in try input.validateShape(requestLaw: request.law) }
            let product = try await Product.find(draft.productID, on: db)
            let provider = try await Organisation.find(draft.providerID, on: db)
            var previousLaw: Law?? = nil
            if let previousID = draft.previousAssignmentID {
                let previous = try await Assignment.query(on: db).filter(\.$id == previousID).filter(\.$request.$id == id).first()
                previousLaw = .some(previous?.law)
            }
            let memberships = try await Lookup.memberships(network: request.$network.id, on: db)
            let inside = NetworkPlacement.isInside(provider: draft.providerID, network: request.$network.id, on: draft.start, memberships: memberships)
            if !inside { draft = draft.carrying(decidedReason: try await decidedReason(request: id, provider: draft.providerID, on: db)) }
            let valid: ValidAssignment
            do {
                valid = try AssignmentRules.check(draft, context: AssignmentContext(productLaw: product?.law, providerKind: provider?.kind,
                                                                                    providerInside: inside, previousLaw: previousLaw),
                                                  reasons: try await Lookup.reasons(on: db))
            } catch let failure as ValidationFailure {
                throw StoreError.invalid(failure)
            }
            try await advance(request, .startSupport, expectedVersion: expectedVersion, db)
            let assignment = Assignment(requestID: id, valid: valid, userID: actor.userID)
            try await assignment.create(on: db)
            let place = inside ? "binnen het netwerk" : "buiten het netwerk"
            try await record(.assigned, "\(valid.draft.kind.label): \(product!.name), \(provider!.name), \(place), vanaf \(valid.draft.start.dutch)", on: request, db)
            try await audit.record(.assign, "request", id, residents: [request.$resident.id], purpose: "Toewijzing vastgelegd", on: db)
            return assignment
        }
    }

    /// The reason the meeting gave for placing care with this provider outside the network: an
    /// assignment that carries out that decision records the same reason unless the coach gives one.
    private func decidedReason(request: UUID, provider: UUID, on db: any Database) async throws -> OutsideReasonChoice? {
        let outcome = try await Outcome.query(on: db).filter(\.$request.$id == request).filter(\.$organisation.$id == provider)
            .filter(\.$outsideReason != nil).sort(\.$decidedOn, .descending).first()
        return outcome?.outsideReason.map { OutsideReasonChoice(code: $0, text: outcome?.outsideReasonText) }
    }

    public func addReferral(_ id: UUID, _ input: ReferralInput, expectedVersion: Int? = nil) async throws -> Referral {
        try await db.transaction { db in
            let request = try await load(id, for: .write, on: db)
            let valid = try validating { () throws(ValidationFailure) in try input.validate() }
            guard let partner = try await Organisation.find(valid.partnerID, on: db) else {
                throw StoreError.invalid(ValidationFailure("partnerId", "Deze partner is onbekend."))
            }
            guard partner.kind == .welfare || partner.kind == .socialBase else {
                throw StoreError.invalid(ValidationFailure("partnerId", "Toeleiding gaat naar een welzijnspartner of de sociale basis."))
            }
            try await advance(request, .startSupport, expectedVersion: expectedVersion, db)
            let referral = Referral(requestID: id, valid: valid, userID: actor.userID)
            try await referral.create(on: db)
            try await record(.referred, "\(partner.name): \(valid.status.label)", on: request, db)
            try await audit.record(.refer, "request", id, residents: [request.$resident.id], purpose: "Toeleiding vastgelegd", on: db)
            return referral
        }
    }

    /// The coach sets any status; a welfare partner reports the result on its own referral.
    public func updateReferral(_ id: UUID, referral referralID: UUID, status raw: String?) async throws -> Referral {
        if actor.role == .partner { return try await reportReferral(id, referral: referralID, status: raw) }
        return try await db.transaction { db in
            let request = try await load(id, for: .write, on: db)
            var check = Checker()
            let status = check.choice(raw, "status", label: "Status", as: ReferralStatus.self)
            try validating { () throws(ValidationFailure) in try check.finish() }
            guard let referral = try await Referral.query(on: db).filter(\.$id == referralID).filter(\.$request.$id == id).first() else {
                throw StoreError.notFound(what: "toeleiding")
            }
            referral.status = status!
            try await referral.save(on: db)
            try await advance(request, nil, expectedVersion: nil, db)
            try await record(.referralUpdated, status!.label, on: request, db)
            try await audit.record(.refer, "request", id, residents: [request.$resident.id], purpose: "Status toeleiding gewijzigd", on: db)
            return referral
        }
    }

    // MARK: close

    public func close(_ id: UUID, expectedVersion: Int? = nil) async throws -> SupportRequest {
        try await db.transaction { db in
            let request = try await load(id, for: .write, on: db)
            try await advance(request, .close, expectedVersion: expectedVersion, db)
            request.closedOn = today.description
            try await request.save(on: db)
            try await record(.closed, "", on: request, db)
            try await audit.record(.close, "request", id, residents: [request.$resident.id], purpose: "Verzoek afgesloten", on: db)
            return request
        }
    }

    // MARK: reading

    /// The request, when the actor may do `action` with it. Otherwise "not found", so that
    /// guessing ids tells nothing about other people's cases.
    public func load(_ id: UUID, for action: CaseAction) async throws -> SupportRequest {
        try await load(id, for: action, on: db)
    }

    func load(_ id: UUID, for action: CaseAction, on db: any Database) async throws -> SupportRequest {
        guard let request = try await SupportRequest.find(id, on: db) else {
            throw StoreError.notFound(what: "verzoek")
        }
        let onAgenda = actor.role == .chair ? try await AgendaItem.query(on: db).filter(\.$request.$id == id).count() > 0 : false
        let residentArea = action == .exportForResident
            ? try await Resident.query(on: db).filter(\.$id == request.$resident.id).with(\.$district).first()?.district.$area.id : nil
        let facts = CaseFacts(areaID: request.$area.id, involvements: try await involvements(id, request, db), onMeetingAgenda: onAgenda,
                              residentAreaID: residentArea)
        guard CasePolicy.allows(actor, action, facts, on: today, partnerAccess: partnerAccess) else { throw StoreError.notFound(what: "verzoek") }
        return request
    }

    /// Who takes part in the request, and until when: an assignment's provider until its end date,
    /// every other part (direct partner, outcome, referral) until the request is closed.
    private func involvements(_ id: UUID, _ request: SupportRequest, _ db: any Database) async throws -> [Involvement] {
        // Only partners' access depends on involvement; the other roles skip these queries.
        guard actor.role == .partner else { return [] }
        let closed = request.closedOn.flatMap(CalendarDate.init)
        var organisations = [request.$directPartner.id].compactMap { $0 }
        organisations += try await Outcome.query(on: db).filter(\.$request.$id == id).all().compactMap { $0.$organisation.id }
        organisations += try await Referral.query(on: db).filter(\.$request.$id == id).all().map { $0.$partner.id }
        let assignments = try await Assignment.query(on: db).filter(\.$request.$id == id).all()
        return organisations.map { Involvement($0, until: closed) }
            + assignments.map { Involvement($0.$provider.id, until: $0.end.flatMap(CalendarDate.init)) }
    }

    // MARK: the one place where status and version change

    /// Moves the request on `event` (nil: no status change) and raises its version, refusing when
    /// someone else saved it after the actor read `expectedVersion`.
    func advance(_ request: SupportRequest, _ event: RequestEvent?, expectedVersion: Int?, _ db: any Database) async throws {
        if let event {
            do { request.status = try RequestLifecycle.next(after: request.status, on: event) } catch { throw StoreError.from(error) }
        }
        let expected = expectedVersion ?? request.version
        let sql = try db.sql()
        let rows = try await sql.update(SupportRequest.schema)
            .set("version", to: SQLLiteral.numeric("\(expected + 1)"))
            .where("id", .equal, SQLBind(try request.requireID()))
            .where("version", .equal, SQLBind(expected))
            .returning("id")
            .all()
        guard !rows.isEmpty else {
            throw StoreError.conflict(message: "Iemand anders heeft dit verzoek intussen gewijzigd. Laad het opnieuw en probeer het nog eens.")
        }
        // The row already holds the new version; tell the model so its save writes the rest only.
        request.version = expected + 1
        try await request.save(on: db)
    }

    /// Every step ends here, so this is also where the area's figure tallies go out of date.
    func record(_ kind: CaseEventKind, _ detail: String, on request: SupportRequest, _ db: any Database) async throws {
        try await FigureTallies.touch(area: request.$area.id, on: db)
        try await CaseEvent(requestID: try request.requireID(), kind: kind, detail: detail, actorID: actor.userID, at: eventTime).create(on: db)
    }

    /// Now, or mid-morning of `today` when the service acts on another day (demo and import data).
    private var eventTime: Date {
        if today == .today() { return Date() }
        let components = DateComponents(year: today.year, month: today.month, day: today.day, hour: 10)
        return Calendar.amsterdam.date(from: components) ?? Date()
    }
}
