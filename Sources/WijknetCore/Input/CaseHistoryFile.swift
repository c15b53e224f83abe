import Foundation

/// A municipality's case history from the system before Wijknet, as JSON (docs/import.md): per
/// request the resident by BSN, the intake, the route, the meeting and the decision with their
/// real dates, the outcomes, assignments and referrals. Every request is checked with the rules of
/// the live flow (`RequestInput`, `DecisionInput`, `AssignmentRules`, `ReferralInput`,
/// `RequestLifecycle`); only the dates are the past's. A reason for care outside the network may
/// be missing: it counts as "niet vastgelegd".
public enum CaseHistoryFile {
    public static let maximumRequests = 200_000
    static let defaultSummary = "Overgenomen uit het vorige systeem; geen omschrijving."

    // MARK: the file as written

    public struct Document: Decodable, Sendable {
        public var requests: [Entry]?
    }

    public struct Entry: Decodable, Sendable {
        public var sourceId: String?
        public var districtCode: String?
        /// The coach's user name; the importing coach when absent.
        public var coach: String?
        public var resident: ResidentEntry?
        public var intakeDate: String?
        public var law: String?
        public var summary: String?
        public var lifeDomains: [String]?
        public var urgency: String?
        public var consentForMeeting: Bool?
        public var route: String?
        public var directPartner: String?
        public var meetingDate: String?
        public var decisionDate: String?
        public var decisionNote: String?
        public var outcomes: [OutcomeEntry]?
        public var assignments: [AssignmentEntry]?
        public var referrals: [ReferralEntry]?
        public var closedOn: String?
    }

    public struct ResidentEntry: Decodable, Sendable {
        public var bsn: String?
        public var givenName: String?
        public var familyName: String?
        public var birthDate: String?
        public var street: String?
        public var houseNumber: String?
        public var postcode: String?
        public var city: String?
    }

    public struct OutcomeEntry: Decodable, Sendable {
        public var kind: String?
        public var organisation: String?
        public var activity: String?
        public var note: String?
        public var outsideReason: String?
        public var outsideReasonText: String?
    }

    public struct AssignmentEntry: Decodable, Sendable {
        public var law: String?
        public var productCode: String?
        public var provider: String?
        public var hoursPerWeek: Double?
        public var start: String?
        public var end: String?
        public var kind: String?
        /// For a renewal or change: the position (0, 1, …) of the assignment it continues in this request.
        public var previous: Int?
        public var outsideReason: String?
        public var outsideReasonText: String?
    }

    public struct ReferralEntry: Decodable, Sendable {
        public var partner: String?
        public var activity: String?
        public var date: String?
        public var status: String?
    }

    // MARK: what exists in Wijknet

    public struct References: Sendable {
        public struct District: Sendable {
            public let id: UUID
            public let area: UUID
            public let network: UUID?
            public init(id: UUID, area: UUID, network: UUID?) { self.id = id; self.area = area; self.network = network }
        }

        /// Product codes (lower case) → id and law.
        public let products: [String: (id: UUID, law: Law)]
        /// Organisation names (lower case) → id and kind.
        public let organisations: [String: (id: UUID, kind: OrganisationKind)]
        /// CBS wijk codes (upper case).
        public let districts: [String: District]
        /// Every membership of every network.
        public let memberships: [MembershipPeriod]
        public let reasons: [OutsideReasonOption]
        /// Coaches' user names (lower case) → id and area.
        public let coaches: [String: (id: UUID, area: UUID)]
        /// The importer: a coach imports for their own area only; an administrator for any.
        public let importer: (id: UUID, area: UUID?)

        public init(products: [String: (id: UUID, law: Law)], organisations: [String: (id: UUID, kind: OrganisationKind)],
                    districts: [String: District], memberships: [MembershipPeriod], reasons: [OutsideReasonOption],
                    coaches: [String: (id: UUID, area: UUID)], importer: (id: UUID, area: UUID?)) {
            self.products = products
            self.organisations = organisations
            self.districts = districts
            self.memberships = memberships
            self.reasons = reasons
            self.coaches = coaches
            self.importer = importer
        }
    }

    // MARK: a checked request

    public struct Case: Sendable {
        /// The request's position in the file, from 1.
        public let line: Int
        public let sourceID: String
        public let district: References.District
        public let coachID: UUID
        public let bsn: BSN
        /// The resident's details, when the file gives them; needed when the area does not know the BSN.
        public let resident: ValidResident?
        public let request: ValidRequest
        public let route: Route?
        public let directPartner: UUID?
        public let meetingDate: CalendarDate?
        public let decisionDate: CalendarDate?
        public let decision: ValidDecision?
        /// With the id each gets, so a renewal can name the one it continues.
        public let assignments: [(id: UUID, valid: ValidAssignment)]
        public let referrals: [ValidReferral]
        public let closedOn: CalendarDate?
        public let status: RequestStatus
        /// One more than the number of status changes, as for a request made in Wijknet.
        public let version: Int
    }

    /// The file's requests, or its problems: the whole file is checked, and requests come back
    /// only when there is no problem at all. `line` is the request's position (from 1), `column`
    /// the field (`resident.bsn`, `assignments[0].start`); messages never repeat a BSN.
    public static func check(_ data: [UInt8], references: References, today: CalendarDate) -> (cases: [Case], problems: [FileProblem]) {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(data))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            return ([], [FileProblem(line: requestNumber(context.codingPath), column: path(context.codingPath),
                                     message: "Dit veld heeft niet de goede soort waarde (tekst, getal, ja/nee of lijst); zie docs/import.md.")])
        } catch {
            return ([], [FileProblem(line: 0, column: "", message: "Het bestand is geen geldige JSON. Controleer of het een export volgens docs/import.md is.")])
        }
        guard let entries = document.requests, !entries.isEmpty else {
            return ([], [FileProblem(line: 0, column: "requests", message: "Het bestand bevat geen verzoeken (een lijst 'requests').")])
        }
        guard entries.count <= maximumRequests else {
            return ([], [FileProblem(line: 0, column: "requests", message: "Het bestand heeft meer dan \(maximumRequests.formattedDutch) verzoeken; splits het op.")])
        }
        var cases: [Case] = []
        var problems: [FileProblem] = []
        var seen: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            var found: [FileProblem] = []
            let checked = check(entry, line: index + 1, references: references, today: today, seen: &seen, problems: &found)
            if let checked, found.isEmpty { cases.append(checked) } else { problems += found }
        }
        return problems.isEmpty ? (cases, []) : ([], problems)
    }

    private static func requestNumber(_ codingPath: [any CodingKey]) -> Int {
        codingPath.count > 1 ? (codingPath[1].intValue ?? -1) + 1 : 0
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.dropFirst(2).reduce("") { text, key in
            key.intValue.map { "\(text)[\($0)]" } ?? (text.isEmpty ? key.stringValue : "\(text).\(key.stringValue)")
        }
    }

    private static func check(_ entry: Entry, line: Int, references refs: References, today: CalendarDate,
                              seen: inout [String: Int], problems: inout [FileProblem]) -> Case? {
        func fail(_ column: String, _ message: String) { problems.append(FileProblem(line: line, column: column, message: message)) }
        /// Runs a live-flow validator; its field names are put under `prefix` and renamed with `rename`.
        func validated<T>(_ prefix: String, rename: [String: String] = [:], _ body: () throws(ValidationFailure) -> T) -> T? {
            do { return try body() } catch {
                for e in error.errors {
                    let field = rename.reduce(e.field) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
                    fail(prefix + field, e.message)
                }
                return nil
            }
        }

        let sourceID = (entry.sourceId ?? "").trimmingCharacters(in: .whitespaces)
        if sourceID.isEmpty { fail("sourceId", "sourceId is verplicht: het nummer van het verzoek in het bronsysteem.") }
        else if sourceID.count > Limits.shortText { fail("sourceId", "sourceId is te lang (maximaal \(Limits.shortText) tekens).") }
        else if TextRules.hasHiddenCharacters(sourceID) { fail("sourceId", "sourceId bevat een onzichtbaar stuurteken.") }
        else if let earlier = seen[sourceID] { fail("sourceId", "sourceId \(sourceID) staat ook al bij verzoek \(earlier).") }
        else { seen[sourceID] = line }

        let code = (entry.districtCode ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        let district = refs.districts[code]
        if district == nil { fail("districtCode", code.isEmpty ? "Wijkcode is verplicht." : "Wijk \(code) is onbekend (gebruik de CBS-code, bijvoorbeeld WK020201).") }
        else if let own = refs.importer.area, district!.area != own { fail("districtCode", "Wijk \(code) hoort niet bij het gebied van je team.") }

        var coachID = refs.importer.id
        if let name = entry.coach?.trimmingCharacters(in: .whitespaces).lowercased(), !name.isEmpty {
            if let coach = refs.coaches[name], coach.area == district?.area { coachID = coach.id }
            else { fail("coach", "‘\(name.prefix(60))’ is geen wijkcoach van het gebied van deze wijk.") }
        } else if refs.importer.area == nil {
            fail("coach", "Noem de wijkcoach (gebruikersnaam) die het verzoek behandelde.")
        }

        // The resident: by BSN, with details that follow the live rules when given.
        let r = entry.resident
        let hasDetails = r?.givenName != nil || r?.familyName != nil || r?.birthDate != nil
        let bsn = r?.bsn.flatMap(BSN.init)
        var resident: ValidResident?
        if let r, hasDetails, let district {
            resident = validated("resident.") { () throws(ValidationFailure) in
                try ResidentInput(givenName: r.givenName, familyName: r.familyName, birthDate: r.birthDate, bsn: r.bsn, street: r.street,
                                  houseNumber: r.houseNumber, postcode: r.postcode, city: r.city, districtId: district.id.uuidString)
                    .validate(today: today)
            }
        } else if (r?.bsn ?? "").isEmpty {
            fail("resident.bsn", "BSN is verplicht.")
        } else if bsn == nil {
            fail("resident.bsn", "BSN is ongeldig: het moet uit 9 cijfers bestaan en de elfproef doorstaan.")
        }

        let request = validated("") { () throws(ValidationFailure) in
            try RequestInput(residentId: UUID().uuidString, intakeDate: entry.intakeDate, summary: entry.summary ?? defaultSummary,
                             law: entry.law, lifeDomains: entry.lifeDomains, urgency: entry.urgency ?? Urgency.normal.rawValue,
                             consentForMeeting: entry.consentForMeeting).validate(today: today)
        }
        let intake = request?.intakeDate
        if let intake, let birth = resident?.birthDate, intake < birth { fail("intakeDate", "Het keukentafelgesprek ligt vóór de geboortedatum.") }

        var check = Checker()
        let meetingDate = check.optionalDate(entry.meetingDate, "meetingDate", label: "Datum overleg")
        let decisionDate = check.optionalDate(entry.decisionDate, "decisionDate", label: "Datum besluit")
        let closedOn = check.optionalDate(entry.closedOn, "closedOn", label: "Datum afsluiten")
        for e in check.errors { fail(e.field, e.message) }

        // The route and its dates, in the order the live flow allows.
        var status = RequestStatus.registered
        var version = 1
        var outOfOrder = false
        /// The first step out of order is reported; the steps after it follow from it.
        func step(_ event: RequestEvent, _ column: String) {
            guard !outOfOrder else { return }
            do {
                status = try RequestLifecycle.next(after: status, on: event)
                version += 1
            } catch {
                outOfOrder = true
                fail(column, error.message)
            }
        }
        var route: Route?
        var directPartner: UUID?
        if let text = entry.route, !text.isEmpty {
            route = Route(rawValue: text)
            if route == nil { fail("route", "Route moet meeting of direct zijn.") }
        }
        /// What happened (an intake, a meeting, a decision, a closing) lies in the past; support may
        /// also be planned to start later, as in the live flow.
        func notBefore(_ date: CalendarDate?, _ earlier: CalendarDate?, _ column: String, _ what: String, planned: Bool = false) {
            if let date, let earlier, date < earlier { fail(column, "\(what) ligt vóór \(earlier.dutch).") }
            if let date, date > today, !planned { fail(column, "\(what) ligt in de toekomst.") }
        }
        switch route {
        case .meeting?:
            if district != nil && district?.network == nil { fail("route", "Dit gebied heeft geen wijknetwerk: kies de directe route.") }
            if meetingDate == nil { fail("meetingDate", "Bij de route via het overleg hoort de datum van het overleg.") }
            notBefore(meetingDate, intake, "meetingDate", "Het overleg")
            step(.routeToMeeting, "route")
        case .direct?:
            let name = (entry.directPartner ?? "").lowercased()
            if let partner = refs.organisations[name] {
                directPartner = partner.id
                if let district, let law = request?.law, let intake,
                   !DirectRoute.allows(partner: partner.id, kind: partner.kind, network: district.network, law: law, on: intake, memberships: refs.memberships) {
                    fail("directPartner", DirectRoute.refusal)
                }
            } else {
                fail("directPartner", name.isEmpty ? "Bij de directe route hoort de partner (directPartner)." : "Organisatie ‘\(name.prefix(60))’ is onbekend.")
            }
            if meetingDate != nil { fail("meetingDate", "Een verzoek op de directe route heeft geen overleg.") }
            step(.routeDirect, "route")
        case nil:
            if meetingDate != nil { fail("route", "Een overlegdatum zonder route: geef route meeting.") }
        }

        // The decision: the meeting's on its day or later, the coach's after the direct route.
        var decision: ValidDecision?
        if let decisionDate {
            notBefore(decisionDate, meetingDate ?? intake, "decisionDate", "Het besluit")
            let network = district?.network
            let reasons = refs.reasons.map { OutsideReasonOption(code: $0.code, label: $0.label, requiresText: $0.requiresText) }
            var unknown: [Int] = []
            let outcomes = (entry.outcomes ?? []).enumerated().map { i, o -> OutcomeInput in
                // An unknown name gets an id of no one, so the decision's own checks still run; the
                // name is reported below.
                var id = o.organisation.flatMap { refs.organisations[$0.lowercased()]?.id }
                if o.organisation != nil && id == nil { unknown.append(i); id = UUID() }
                return OutcomeInput(kind: o.kind, organisationId: id?.uuidString, activity: o.activity,
                                    note: o.note, outsideReason: o.outsideReason, outsideReasonText: o.outsideReasonText)
            }
            decision = validated("", rename: ["organisationId": "organisation"]) { () throws(ValidationFailure) in
                try DecisionInput(outcomes: outcomes, note: entry.decisionNote).validate(placement: { org in
                    NetworkPlacement.isInside(provider: org, network: network, on: decisionDate, memberships: refs.memberships)
                }, reasons: reasons, byMeeting: false)
            }
            for i in unknown { fail("outcomes[\(i)].organisation", "Organisatie ‘\((entry.outcomes?[i].organisation ?? "").prefix(60))’ is onbekend.") }
            step(.decide, "decisionDate")
        } else if !(entry.outcomes ?? []).isEmpty {
            fail("decisionDate", "Uitkomsten horen bij een besluit: geef de datum van het besluit.")
        }

        // Assignments and referrals: support under way after the decision.
        var assignments: [(id: UUID, valid: ValidAssignment)] = []
        var checkedAssignments: [Int: (id: UUID, valid: ValidAssignment)] = [:]
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
                guard let earlier = checkedAssignments[p] else { continue }
                previous = (earlier.id, earlier.valid.draft.law)
            }
            guard let law = request?.law, let product, let provider else { continue }
            let input = AssignmentInput(law: a.law, productId: product.id.uuidString, providerId: provider.id.uuidString, hoursPerWeek: a.hoursPerWeek,
                                        startDate: a.start, endDate: a.end, kind: a.kind.map { HistoryFile.kind($0)?.rawValue ?? $0 }, previousAssignmentId: previous?.id.uuidString,
                                        outsideReason: a.outsideReason, outsideReasonText: a.outsideReasonText)
            let renames = ["startDate": "start", "endDate": "end", "previousAssignmentId": "previous", "productId": "productCode", "providerId": "provider"]
            guard let shaped = validated(prefix, rename: renames, { () throws(ValidationFailure) in try input.validateShape(requestLaw: law) }) else { continue }
            notBefore(shaped.start, intake, prefix + "start", "De start", planned: true)
            let inside = NetworkPlacement.isInside(provider: provider.id, network: district?.network, on: shaped.start, memberships: refs.memberships)
            let decided = decision?.outcomes.first { $0.organisationID == provider.id && $0.outsideReason != nil }?.outsideReason
            let reasons = refs.reasons.map { OutsideReasonOption(code: $0.code, label: $0.label, requiresText: $0.requiresText) }
            let context = AssignmentContext(productLaw: product.law, providerKind: provider.kind, providerInside: inside,
                                            previousLaw: shaped.previousAssignmentID == nil ? nil : .some(previous?.law))
            if let valid = validated(prefix, rename: renames, { () throws(ValidationFailure) in
                try AssignmentRules.check(shaped.carrying(decidedReason: decided), context: context, reasons: reasons)
            }) {
                assignments.append((UUID(), valid))
                checkedAssignments[i] = assignments.last
            }
            step(.startSupport, prefix + "start")
        }
        var referrals: [ValidReferral] = []
        for (i, r) in (entry.referrals ?? []).enumerated() {
            let prefix = "referrals[\(i)]."
            let partner = r.partner.flatMap { refs.organisations[$0.lowercased()] }
            if partner == nil { fail(prefix + "partner", r.partner == nil ? "Welzijnspartner is verplicht." : "Organisatie ‘\(r.partner!.prefix(60))’ is onbekend.") }
            else if ![.welfare, .socialBase].contains(partner!.kind) { fail(prefix + "partner", "Een toeleiding gaat naar een welzijnspartner.") }
            guard let partner else { continue }
            if let valid = validated(prefix, rename: ["partnerId": "partner"], { () throws(ValidationFailure) in
                try ReferralInput(partnerId: partner.id.uuidString, activity: r.activity, date: r.date, status: r.status).validate()
            }) {
                notBefore(valid.date, intake, prefix + "date", "De toeleiding", planned: true)
                referrals.append(valid)
            }
            step(.startSupport, prefix + "date")
        }
        if let closedOn {
            let last = ([intake, meetingDate, decisionDate] + referrals.map(\.date)).compactMap { $0 }.max()
            notBefore(closedOn, last, "closedOn", "Het afsluiten")
            step(.close, "closedOn")
        }

        guard let district, let bsn, let request, problems.isEmpty else { return nil }
        return Case(line: line, sourceID: sourceID, district: district, coachID: coachID, bsn: bsn, resident: resident, request: request,
                    route: route, directPartner: directPartner, meetingDate: meetingDate, decisionDate: decisionDate, decision: decision,
                    assignments: assignments, referrals: referrals, closedOn: closedOn, status: status, version: version)
    }
}
