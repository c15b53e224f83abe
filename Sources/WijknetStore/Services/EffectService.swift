import Fluent
import Foundation
import WijknetCore

/// Effects for residents (track 3): the coach records the resident questionnaire at intake and
/// after the follow-up period; the figure roles see the change per item, per network and outside.
public struct EffectService: Sendable {
    let db: any Database
    let actor: Actor
    let today: CalendarDate
    let followUpMonths: Int
    let audit: AuditTrail

    public init(db: any Database, actor: Actor, followUpMonths: Int = 6, today: CalendarDate = .today(), channel: AuditChannel = .command) {
        self.db = db
        self.actor = actor
        self.today = today
        self.followUpMonths = followUpMonths
        self.audit = AuditTrail(actor: actor, channel: channel)
    }

    private var requests: RequestService { RequestService(db: db, actor: actor, today: today, channel: audit.channel) }

    /// Records (or corrects) the measurement of one moment; the coach of the area only.
    public func record(_ requestID: UUID, _ input: EffectMeasurementInput, measure: EffectMeasure = .questionnaire) async throws -> EffectMeasurement {
        let request = try await requests.load(requestID, for: .write)
        let valid = try validating { () throws(ValidationFailure) in try input.validate(measure, today: today) }
        if valid.date < (CalendarDate(request.intakeDate) ?? valid.date).adding(days: -31) {
            throw StoreError.invalid(ValidationFailure("date", "De datum ligt meer dan een maand voor de aanvraag."))
        }
        return try await db.transaction { db in
            let existing = try await EffectMeasurement.query(on: db).filter(\.$request.$id == requestID)
                .filter(\.$measure == measure).filter(\.$moment == valid.moment).first()
            let measurement = existing ?? EffectMeasurement()
            measurement.$request.id = requestID
            measurement.measure = measure
            measurement.set(valid, by: actor.userID)
            try await measurement.save(on: db)
            try await audit.record(existing == nil ? .create : .update, "effectMeasurement", measurement.id, residents: [request.$resident.id],
                                   purpose: "Effectmeting vastgelegd (\(valid.moment.label.lowercased()))", on: db)
            return measurement
        }
    }

    /// The measurements of a request, for the coach of its area (`CaseAction.readMeasurements`); logged.
    public func measurements(_ requestID: UUID) async throws -> [EffectMeasurement] {
        let request = try await requests.load(requestID, for: .readMeasurements)
        try await audit.recordRead(.read, "effectMeasurement", requestID, residents: [request.$resident.id], purpose: "Effectmetingen ingezien", on: db)
        return try await EffectMeasurement.query(on: db).filter(\.$request.$id == requestID).sort(\.$measuredOn).all()
    }

    /// The day the follow-up of an intake measurement is due.
    public func followUpDue(after intake: CalendarDate) -> CalendarDate {
        CalendarDate(year: intake.year + (intake.month - 1 + followUpMonths) / 12, month: (intake.month - 1 + followUpMonths) % 12 + 1, day: 1)!
            .adding(days: intake.day - 1)
    }

    /// Requests of the coach's area whose intake measurement is older than the follow-up period and
    /// that have no follow-up yet, oldest first; the list is logged.
    public func dueFollowUps() async throws -> [(request: SupportRequest, due: CalendarDate)] {
        let due = try await dueRequests()
        // Read in batches, so no statement binds more ids than the database allows.
        var models: [SupportRequest] = []
        for start in stride(from: 0, to: due.count, by: 1_000) {
            let ids = due[start..<min(due.count, start + 1_000)].map(\.0)
            models += try await SupportRequest.query(on: db).filter(\.$id ~~ ids).with(\.$resident).all()
        }
        let byID = Dictionary(uniqueKeysWithValues: models.map { ($0.id!, $0) })
        let list = due.compactMap { id, date in byID[id].map { ($0, date) } }.sorted { $0.1 < $1.1 }
        if !list.isEmpty {
            try await audit.recordRead(.list, "effectMeasurements", nil, residents: list.map { $0.0.$resident.id }, purpose: "Vervolgmetingen die nodig zijn", on: db)
        }
        return list
    }

    /// How many follow-ups are due, for the coach's work list: a count shows no personal data, so
    /// it is not an entry in the audit log.
    public func dueFollowUpCount() async throws -> Int {
        try await dueRequests().count
    }

    /// Both moments of the area's requests in one query: the requests whose follow-up is due.
    private func dueRequests() async throws -> [(UUID, CalendarDate)] {
        guard let area = actor.areaID, CasePolicy.handlesResidents(actor, in: area) else { throw StoreError.forbidden }
        let measured = try await EffectMeasurement.query(on: db).filter(\.$measure == .questionnaire)
            .join(SupportRequest.self, on: \EffectMeasurement.$request.$id == \SupportRequest.$id)
            .filter(SupportRequest.self, \.$area.$id == area).all()
        let followed = Set(measured.filter { $0.moment == .followUp }.map { $0.$request.id })
        return measured.filter { $0.moment == .intake }.compactMap { m -> (UUID, CalendarDate)? in
            guard !followed.contains(m.$request.id), let date = CalendarDate(m.measuredOn) else { return nil }
            let due = followUpDue(after: date)
            return due <= today ? (m.$request.id, due) : nil
        }
    }

    /// The change per item, per network and outside, over pairs whose follow-up fell in the period.
    /// For the ZRM a pair is a resident's first assessment and the first one at least the follow-up
    /// period later, counted with the request the first assessment belongs to.
    public func changes(_ query: FigureQuery, measure: EffectMeasure = .questionnaire) async throws -> [EffectChange] {
        guard CasePolicy.seesFigures(actor.role) else { throw StoreError.forbidden }
        let records = Dictionary(uniqueKeysWithValues: try await FigureRecordsQuery.load(query.scope, on: db).map { ($0.id, $0) })
        let owners = try await FigureRecordsQuery.owners(query.scope, on: db)
        func group(_ id: UUID) -> EffectGroup? {
            guard let record = records[id], query.law.map(record.law.includes) ?? true else { return nil }
            return EffectGroup.of(network: owners[id]?.network, firstAssignmentsInside: record.assignments.filter { $0.kind == .first }.map(\.insideNetwork),
                                  hasWelfare: record.referrals.contains(where: \.counts))
        }
        var pairs: [EffectPair] = []
        func add(_ group: EffectGroup, before: [String: Int], after: [String: Int]) {
            for (item, score) in before { if let later = after[item] { pairs.append(EffectPair(group: group, item: item, before: score, after: later)) } }
        }
        switch measure {
        case .questionnaire:
            let measurements = try await EffectMeasurement.query(on: db).filter(\.$measure == measure)
                .filter(FigureRecordsQuery.inScope("request_id", query.scope)).all()
            var byRequest: [UUID: [EffectMoment: EffectMeasurement]] = [:]
            for m in measurements { byRequest[m.$request.id, default: [:]][m.moment] = m }
            for (id, moments) in byRequest {
                guard let before = moments[.intake], let after = moments[.followUp], let day = CalendarDate(after.measuredOn),
                      query.period.contains(day), let group = group(id) else { continue }
                add(group, before: before.scores, after: after.scores)
            }
        case .zrm:
            let byResident = Dictionary(grouping: owners, by: { $0.value.resident })
            // ZRM 2017 only: imported 2010 assessments have other domains and are never converted.
            let assessments = try await ZRMAssessment.query(on: db).filter(FigureRecordsQuery.inScope("resident_id", query.scope, residents: true))
                .filter(\.$version == ZRMVersion.zrm2017.rawValue).with(\.$scores).sort(\.$assessedOn).all()
            for (resident, list) in Dictionary(grouping: assessments, by: { $0.$resident.id }) {
                guard let first = list.first, let start = CalendarDate(first.assessedOn),
                      let later = list.first(where: { CalendarDate($0.assessedOn).map { $0 >= followUpDue(after: start) } ?? false }),
                      let day = CalendarDate(later.assessedOn), query.period.contains(day) else { continue }
                // The request the first assessment belongs to: the last one with intake before it (a month's grace).
                let candidates = (byResident[resident] ?? []).sorted { ($0.value.intake, $0.key.uuidString) < ($1.value.intake, $1.key.uuidString) }
                guard let request = candidates.last(where: { $0.value.intake <= start.adding(days: 31) }) ?? candidates.first,
                      let group = group(request.key) else { continue }
                func levels(_ a: ZRMAssessment) -> [String: Int] {
                    Dictionary(uniqueKeysWithValues: a.scores.compactMap { s in s.level.map { (s.domain, $0) } })
                }
                add(group, before: levels(first), after: levels(later))
            }
        }
        return EffectChange.of(pairs)
    }
}
