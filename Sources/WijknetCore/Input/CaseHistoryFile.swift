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
            var check = CaseHistoryEntryCheck(entry, line: index + 1, references: references, today: today)
            if let checked = check.run(seen: &seen) { cases.append(checked) } else { problems += check.problems }
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
}
