import Foundation

/// The checks of one request of a case-history file (`CaseHistoryFile`), step by step as the
/// live flow takes them: who and where, the resident, the request, the route, the decision, the
/// support and the closing. Each step adds its problems; the lifecycle reports only the first step
/// out of order, because the ones after it follow from it.
struct CaseHistoryEntryCheck {
    typealias Entry = CaseHistoryFile.Entry
    let entry: Entry
    let line: Int
    let refs: CaseHistoryFile.References
    let today: CalendarDate
    private(set) var problems: [FileProblem] = []
    private var status = RequestStatus.registered
    private var version = 1
    private var outOfOrder = false

    init(_ entry: Entry, line: Int, references: CaseHistoryFile.References, today: CalendarDate) {
        self.entry = entry
        self.line = line
        self.refs = references
        self.today = today
    }

    /// The request when it has no problem at all.
    mutating func run(seen: inout [String: Int]) -> CaseHistoryFile.Case? {
        let sourceID = checkSourceID(seen: &seen)
        let district = checkDistrict()
        let coachID = checkCoach(district)
        let (bsn, resident) = checkResident(district)
        let request = checkRequest(resident)
        let intake = request?.intakeDate
        var dates = Checker()
        let meetingDate = dates.optionalDate(entry.meetingDate, "meetingDate", label: "Datum overleg")
        let decisionDate = dates.optionalDate(entry.decisionDate, "decisionDate", label: "Datum besluit")
        let closedOn = dates.optionalDate(entry.closedOn, "closedOn", label: "Datum afsluiten")
        for e in dates.errors { fail(e.field, e.message) }

        let (route, directPartner) = checkRoute(district, request, meetingDate: meetingDate)
        let decision = checkDecision(district, intake: intake, meetingDate: meetingDate, decisionDate: decisionDate)
        let assignments = checkAssignments(district, request, decision)
        let referrals = checkReferrals(intake)
        if let closedOn {
            let last = ([intake, meetingDate, decisionDate] + referrals.map(\.date)).compactMap { $0 }.max()
            notBefore(closedOn, last, "closedOn", "Het afsluiten")
            step(.close, "closedOn")
        }
        guard let district, let bsn, let request, problems.isEmpty else { return nil }
        return CaseHistoryFile.Case(line: line, sourceID: sourceID, district: district, coachID: coachID, bsn: bsn, resident: resident,
                                    request: request, route: route, directPartner: directPartner, meetingDate: meetingDate,
                                    decisionDate: decisionDate, decision: decision, assignments: assignments, referrals: referrals,
                                    closedOn: closedOn, status: status, version: version)
    }

    // MARK: who and where

    private mutating func checkSourceID(seen: inout [String: Int]) -> String {
        let sourceID = (entry.sourceId ?? "").trimmingCharacters(in: .whitespaces)
        if sourceID.isEmpty { fail("sourceId", "sourceId is verplicht: het nummer van het verzoek in het bronsysteem.") }
        else if sourceID.count > Limits.shortText { fail("sourceId", "sourceId is te lang (maximaal \(Limits.shortText) tekens).") }
        else if TextRules.hasHiddenCharacters(sourceID) { fail("sourceId", "sourceId bevat een onzichtbaar stuurteken.") }
        else if let earlier = seen[sourceID] { fail("sourceId", "sourceId \(sourceID) staat ook al bij verzoek \(earlier).") }
        else { seen[sourceID] = line }
        return sourceID
    }

    private mutating func checkDistrict() -> CaseHistoryFile.References.District? {
        let code = (entry.districtCode ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        guard let district = refs.districts[code] else {
            fail("districtCode", code.isEmpty ? "Wijkcode is verplicht." : "Wijk \(code) is onbekend (gebruik de CBS-code, bijvoorbeeld WK020201).")
            return nil
        }
        if let own = refs.importer.area, district.area != own { fail("districtCode", "Wijk \(code) hoort niet bij het gebied van je team.") }
        return district
    }

    private mutating func checkCoach(_ district: CaseHistoryFile.References.District?) -> UUID {
        if let name = entry.coach?.trimmingCharacters(in: .whitespaces).lowercased(), !name.isEmpty {
            if let coach = refs.coaches[name], coach.area == district?.area { return coach.id }
            fail("coach", "‘\(name.prefix(60))’ is geen wijkcoach van het gebied van deze wijk.")
        } else if refs.importer.area == nil {
            fail("coach", "Noem de wijkcoach (gebruikersnaam) die het verzoek behandelde.")
        }
        return refs.importer.id
    }

    // MARK: the resident and the request

    /// By BSN, with details that follow the live rules when given.
    private mutating func checkResident(_ district: CaseHistoryFile.References.District?) -> (BSN?, ValidResident?) {
        let (r, today) = (entry.resident, self.today)
        let bsn = r?.bsn.flatMap(BSN.init)
        if let r, r.givenName != nil || r.familyName != nil || r.birthDate != nil, let district {
            let resident = validated("resident.") { () throws(ValidationFailure) in
                try ResidentInput(givenName: r.givenName, familyName: r.familyName, birthDate: r.birthDate, bsn: r.bsn, street: r.street,
                                  houseNumber: r.houseNumber, postcode: r.postcode, city: r.city, districtId: district.id.uuidString)
                    .validate(today: today)
            }
            return (bsn, resident)
        }
        if (r?.bsn ?? "").isEmpty { fail("resident.bsn", "BSN is verplicht.") }
        else if bsn == nil { fail("resident.bsn", "BSN is ongeldig: het moet uit 9 cijfers bestaan en de elfproef doorstaan.") }
        return (bsn, nil)
    }

    private mutating func checkRequest(_ resident: ValidResident?) -> ValidRequest? {
        let (entry, today) = (self.entry, self.today)
        let request = validated("") { () throws(ValidationFailure) in
            try RequestInput(residentId: UUID().uuidString, intakeDate: entry.intakeDate, summary: entry.summary ?? CaseHistoryFile.defaultSummary,
                             law: entry.law, lifeDomains: entry.lifeDomains, urgency: entry.urgency ?? Urgency.normal.rawValue,
                             consentForMeeting: entry.consentForMeeting).validate(today: today)
        }
        if let intake = request?.intakeDate, let birth = resident?.birthDate, intake < birth {
            fail("intakeDate", "Het keukentafelgesprek ligt vóór de geboortedatum.")
        }
        return request
    }

    // MARK: route and decision

    private mutating func checkRoute(_ district: CaseHistoryFile.References.District?, _ request: ValidRequest?,
                                     meetingDate: CalendarDate?) -> (Route?, UUID?) {
        var route: Route?
        if let text = entry.route, !text.isEmpty {
            route = Route(rawValue: text)
            if route == nil { fail("route", "Route moet meeting of direct zijn.") }
        }
        switch route {
        case .meeting?:
            if district != nil && district?.network == nil { fail("route", "Dit gebied heeft geen wijknetwerk: kies de directe route.") }
            if meetingDate == nil { fail("meetingDate", "Bij de route via het overleg hoort de datum van het overleg.") }
            notBefore(meetingDate, request?.intakeDate, "meetingDate", "Het overleg")
            step(.routeToMeeting, "route")
            return (route, nil)
        case .direct?:
            if meetingDate != nil { fail("meetingDate", "Een verzoek op de directe route heeft geen overleg.") }
            let partner = checkDirectPartner(district, request)
            step(.routeDirect, "route")
            return (route, partner)
        case nil:
            if meetingDate != nil { fail("route", "Een overlegdatum zonder route: geef route meeting.") }
            return (nil, nil)
        }
    }

    private mutating func checkDirectPartner(_ district: CaseHistoryFile.References.District?, _ request: ValidRequest?) -> UUID? {
        let name = (entry.directPartner ?? "").lowercased()
        guard let partner = refs.organisations[name] else {
            fail("directPartner", name.isEmpty ? "Bij de directe route hoort de partner (directPartner)." : "Organisatie ‘\(name.prefix(60))’ is onbekend.")
            return nil
        }
        if let district, let request,
           !DirectRoute.allows(partner: partner.id, kind: partner.kind, network: district.network, law: request.law,
                               on: request.intakeDate, memberships: refs.memberships) {
            fail("directPartner", DirectRoute.refusal)
        }
        return partner.id
    }

    /// The meeting's decision on its day or later, the coach's after the direct route; a reason
    /// for care outside the network may be missing in history.
    private mutating func checkDecision(_ district: CaseHistoryFile.References.District?, intake: CalendarDate?,
                                        meetingDate: CalendarDate?, decisionDate: CalendarDate?) -> ValidDecision? {
        guard let decisionDate else {
            if !(entry.outcomes ?? []).isEmpty { fail("decisionDate", "Uitkomsten horen bij een besluit: geef de datum van het besluit.") }
            return nil
        }
        notBefore(decisionDate, meetingDate ?? intake, "decisionDate", "Het besluit")
        var unknown: [Int] = []
        let outcomes = (entry.outcomes ?? []).enumerated().map { i, o -> OutcomeInput in
            // An unknown name gets an id of no one, so the decision's own checks still run; the
            // name is reported below.
            var id = o.organisation.flatMap { refs.organisations[$0.lowercased()]?.id }
            if o.organisation != nil && id == nil { unknown.append(i); id = UUID() }
            return OutcomeInput(kind: o.kind, organisationId: id?.uuidString, activity: o.activity,
                                note: o.note, outsideReason: o.outsideReason, outsideReasonText: o.outsideReasonText)
        }
        let (network, memberships, reasons, note) = (district?.network, refs.memberships, historyReasons, entry.decisionNote)
        let decision = validated("", rename: ["organisationId": "organisation"]) { () throws(ValidationFailure) in
            try DecisionInput(outcomes: outcomes, note: note).validate(placement: { org in
                NetworkPlacement.isInside(provider: org, network: network, on: decisionDate, memberships: memberships)
            }, reasons: reasons, byMeeting: false)
        }
        for i in unknown { fail("outcomes[\(i)].organisation", "Organisatie ‘\((entry.outcomes?[i].organisation ?? "").prefix(60))’ is onbekend.") }
        step(.decide, "decisionDate")
        return decision
    }

    /// History may carry a reason that has been retired since.
    private var historyReasons: [OutsideReasonOption] {
        refs.reasons.map(\.inUse)
    }

    // MARK: support

    private mutating func checkAssignments(_ district: CaseHistoryFile.References.District?, _ request: ValidRequest?,
                                           _ decision: ValidDecision?) -> [(id: UUID, valid: ValidAssignment)] {
        var assignments: [(id: UUID, valid: ValidAssignment)] = []
        var byPosition: [Int: (id: UUID, valid: ValidAssignment)] = [:]
        for (i, a) in (entry.assignments ?? []).enumerated() {
            let prefix = "assignments[\(i)]."
            let product = a.productCode.flatMap { refs.products[$0.lowercased()] }
            let provider = a.provider.flatMap { refs.organisations[$0.lowercased()] }
            if product == nil { fail(prefix + "productCode", a.productCode == nil ? "Productcode is verplicht." : "Product \(a.productCode!.prefix(40)) is onbekend.") }
            if provider == nil { fail(prefix + "provider", a.provider == nil ? "Aanbieder is verplicht." : "Aanbieder ‘\(a.provider!.prefix(60))’ is onbekend.") }
            var previous: (id: UUID, law: Law)?
            if let p = a.previous {
                guard p >= 0 && p < i else {
                    fail(prefix + "previous", "previous wijst naar een toewijzing die er (nog) niet is: gebruik de positie van een eerdere toewijzing.")
                    continue
                }
                // An earlier assignment with a problem of its own is reported there.
                guard let earlier = byPosition[p] else { continue }
                previous = (earlier.id, earlier.valid.draft.law)
            }
            guard let request, let product, let provider else { continue }
            let input = AssignmentInput(law: a.law, productId: product.id.uuidString, providerId: provider.id.uuidString,
                                        hoursPerWeek: a.hoursPerWeek, startDate: a.start, endDate: a.end,
                                        kind: a.kind.map { HistoryFile.kind($0)?.rawValue ?? $0 }, previousAssignmentId: previous?.id.uuidString,
                                        outsideReason: a.outsideReason, outsideReasonText: a.outsideReasonText)
            let renames = ["startDate": "start", "endDate": "end", "previousAssignmentId": "previous", "productId": "productCode", "providerId": "provider"]
            guard let shaped = validated(prefix, rename: renames, { () throws(ValidationFailure) in try input.validateShape(requestLaw: request.law) }) else { continue }
            notBefore(shaped.start, request.intakeDate, prefix + "start", "De start", planned: true)
            let inside = NetworkPlacement.isInside(provider: provider.id, network: district?.network, on: shaped.start, memberships: refs.memberships)
            let decided = decision?.outcomes.first { $0.organisationID == provider.id && $0.outsideReason != nil }?.outsideReason
            let context = AssignmentContext(productLaw: product.law, providerKind: provider.kind, providerInside: inside,
                                            previousLaw: shaped.previousAssignmentID == nil ? nil : .some(previous?.law))
            let reasons = historyReasons
            if let valid = validated(prefix, rename: renames, { () throws(ValidationFailure) in
                try AssignmentRules.check(shaped.carrying(decidedReason: decided), context: context, reasons: reasons)
            }) {
                assignments.append((UUID(), valid))
                byPosition[i] = assignments.last
            }
            step(.startSupport, prefix + "start")
        }
        return assignments
    }

    private mutating func checkReferrals(_ intake: CalendarDate?) -> [ValidReferral] {
        var referrals: [ValidReferral] = []
        for (i, r) in (entry.referrals ?? []).enumerated() {
            let prefix = "referrals[\(i)]."
            guard let partner = r.partner.flatMap({ refs.organisations[$0.lowercased()] }) else {
                fail(prefix + "partner", r.partner == nil ? "Welzijnspartner is verplicht." : "Organisatie ‘\(r.partner!.prefix(60))’ is onbekend.")
                continue
            }
            if ![.welfare, .socialBase].contains(partner.kind) { fail(prefix + "partner", "Een toeleiding gaat naar een welzijnspartner.") }
            if let valid = validated(prefix, rename: ["partnerId": "partner"], { () throws(ValidationFailure) in
                try ReferralInput(partnerId: partner.id.uuidString, activity: r.activity, date: r.date, status: r.status).validate()
            }) {
                notBefore(valid.date, intake, prefix + "date", "De toeleiding", planned: true)
                referrals.append(valid)
            }
            step(.startSupport, prefix + "date")
        }
        return referrals
    }

    // MARK: helpers

    private mutating func fail(_ column: String, _ message: String) {
        problems.append(FileProblem(line: line, column: column, message: message))
    }

    /// Runs a live-flow validator; its field names are put under `prefix` and renamed with `rename`.
    private mutating func validated<T>(_ prefix: String, rename: [String: String] = [:], _ body: () throws(ValidationFailure) -> T) -> T? {
        do { return try body() } catch {
            for e in error.errors {
                fail(prefix + rename.reduce(e.field) { $0.replacingOccurrences(of: $1.key, with: $1.value) }, e.message)
            }
            return nil
        }
    }

    /// What happened (an intake, a meeting, a decision, a closing) lies in the past; support may
    /// also be planned to start later, as in the live flow.
    private mutating func notBefore(_ date: CalendarDate?, _ earlier: CalendarDate?, _ column: String, _ what: String, planned: Bool = false) {
        if let date, let earlier, date < earlier { fail(column, "\(what) ligt vóór \(earlier.dutch).") }
        if let date, date > today, !planned { fail(column, "\(what) ligt in de toekomst.") }
    }

    /// The next step of the lifecycle; the first step out of order is reported, the ones after it not.
    private mutating func step(_ event: RequestEvent, _ column: String) {
        guard !outOfOrder else { return }
        do {
            status = try RequestLifecycle.next(after: status, on: event)
            version += 1
        } catch {
            outOfOrder = true
            fail(column, error.message)
        }
    }
}
