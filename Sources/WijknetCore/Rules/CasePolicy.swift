import Foundation

/// Who is acting: the signed-in user, as the rules need to see them.
public struct Actor: Sendable, Hashable {
    public let userID: UUID
    /// For the audit log, which must say who acted even after an account is renamed.
    public let username: String
    public let role: Role
    public let organisationID: UUID?
    /// The area of a coach's team, or of a chair's network.
    public let areaID: UUID?

    public init(userID: UUID, username: String, role: Role, organisationID: UUID?, areaID: UUID?) {
        self.userID = userID
        self.username = username
        self.role = role
        self.organisationID = organisationID
        self.areaID = areaID
    }
}

/// An organisation's part in a request — direct partner, outcome, provider of an assignment,
/// referral partner — and its last day; nil while it goes on.
public struct Involvement: Sendable, Hashable {
    public let organisationID: UUID
    public let until: CalendarDate?

    public init(_ organisationID: UUID, until: CalendarDate?) {
        self.organisationID = organisationID
        self.until = until
    }
}

/// What the rules need to know about one request to decide who may see or change it.
public struct CaseFacts: Sendable {
    public let areaID: UUID
    public let involvements: [Involvement]
    /// Whether the request was brought to the network meeting (it has an agenda item).
    public let onMeetingAgenda: Bool
    /// The area that holds the resident's record now; after a move it differs from `areaID`.
    public let residentAreaID: UUID?

    public init(areaID: UUID, involvements: [Involvement], onMeetingAgenda: Bool = false, residentAreaID: UUID? = nil) {
        self.areaID = areaID
        self.involvements = involvements
        self.onMeetingAgenda = onMeetingAgenda
        self.residentAreaID = residentAreaID
    }
}

public enum CaseAction: Sendable {
    case read
    /// Register, edit, route, record assignments and referrals, close.
    case write
    /// Record the meeting's decision on an agenda item.
    case decide
    /// Read what the resident answered in the questionnaire (track 3): the coach's working
    /// material, not the case's; partners and the chair see the case without it.
    case readMeasurements
    /// Report on the organisation's own part (accept or decline a direct route, the start and end
    /// of care, a referral's result): the partner professional, while their organisation is
    /// involved. Which part is theirs the service checks on the record itself.
    case report
    /// Read the request for the resident's own export (AVG art. 15), which covers every request
    /// about them, also those of the area they lived in before (`ResidentService.transfer`).
    case exportForResident
}

/// How long a partner keeps reading a case after their part in it ended.
public struct PartnerAccess: Sendable, Equatable {
    public let daysAfterInvolvement: Int

    public init(daysAfterInvolvement: Int) { self.daysAfterInvolvement = daysAfterInvolvement }

    /// Three months: long enough for the hand-over, the last report and the invoice.
    public static let standard = PartnerAccess(daysAfterInvolvement: 90)

    /// The earliest last day of an involvement that still gives access on `today`.
    public func cutoff(on today: CalendarDate) -> CalendarDate { today.adding(days: -daysAfterInvolvement) }

    public func isCurrent(_ involvement: Involvement, on today: CalendarDate) -> Bool {
        involvement.until.map { $0 >= cutoff(on: today) } ?? true
    }
}

/// The per-record rules for residents' case files, in one place.
public enum CasePolicy {
    public static func allows(_ actor: Actor, _ action: CaseAction, _ facts: CaseFacts,
                              on today: CalendarDate = .today(), partnerAccess: PartnerAccess = .standard) -> Bool {
        switch (actor.role, action) {
        case (.coach, .exportForResident):
            // The team that holds the resident's record answers their request for access.
            return actor.areaID == facts.areaID || (facts.residentAreaID != nil && actor.areaID == facts.residentAreaID)
        case (.coach, .report):
            return false
        case (.coach, _):
            return actor.areaID == facts.areaID
        case (.chair, .read), (.chair, .decide):
            // The chair sees what the meeting of their network discusses, nothing else.
            return actor.areaID == facts.areaID && facts.onMeetingAgenda
        case (.partner, .read), (.partner, .report):
            // Only while their organisation is involved, and a set period after.
            guard let organisation = actor.organisationID else { return false }
            return facts.involvements.contains { $0.organisationID == organisation && partnerAccess.isCurrent($0, on: today) }
        case (.chair, .write), (.chair, .report), (.chair, .readMeasurements), (.chair, .exportForResident), (.partner, _), (.analyst, _), (.council, _), (.admin, _), (.auditor, _):
            return false
        }
    }

    /// The chair records the meeting's decision while the request is on the agenda; the coach also
    /// after the direct route.
    public static func decidesNow(_ role: Role, status: RequestStatus) -> Bool { role != .chair || status == .inMeeting }

    /// Whether the reader sees who the resident is (name, birth date, address, BSN, resident id)
    /// or a pseudonym (age band and wijk). The chair knows a resident only through the meeting,
    /// which discusses a request without name unless the resident consented; that holds in every
    /// list, case file, export and drill-down the chair reads, not only on the agenda.
    public static func showsIdentity(to actor: Actor, consentForMeeting: Bool) -> Bool {
        actor.role != .chair || consentForMeeting
    }

    /// Roles that plan the network's meetings and go through an agenda item by item: the
    /// network's own people; partners take part in the meeting.
    public static func plansMeetings(_ role: Role) -> Bool { [.coach, .chair].contains(role) }

    /// Roles that may register residents and requests at all.
    public static func mayRegister(_ role: Role) -> Bool { role == .coach }

    /// Roles that see case lists (each filtered to their own records).
    public static func seesCases(_ role: Role) -> Bool { [.coach, .chair, .partner].contains(role) }

    /// Roles that see the council's figures (aggregates only, after disclosure control).
    public static func seesFigures(_ role: Role) -> Bool { [.coach, .chair, .analyst, .council].contains(role) }

    /// Roles that may go from a figure to the requests behind it (each filtered to their own records).
    public static func drillsDown(_ role: Role) -> Bool { [.coach, .chair].contains(role) }

    /// Roles that import assignments from the system before Wijknet (no personal data in them).
    public static func mayImportHistory(_ role: Role) -> Bool { [.admin, .analyst].contains(role) }

    /// Importing the case history from before Wijknet: personal data with real past dates, so the
    /// coach for their own area, or an administrator bringing in the whole municipality.
    public static func mayImportCaseHistory(_ role: Role) -> Bool { [.coach, .admin].contains(role) }

    /// Importing older ZRM assessments: personal data, so only the coach, for residents of their own area.
    public static func mayImportZRM(_ role: Role) -> Bool { role == .coach }

    /// Roles that read the audit log.
    public static func mayAudit(_ role: Role) -> Bool { role == .auditor }

    /// Deriving and naming zelfredzaamheidprofielen: policy work on all assessments, in aggregate.
    public static func mayDeriveProfiles(_ role: Role) -> Bool { role == .analyst }

    /// Roles that manage areas, networks, organisations, products and the reasons for care outside
    /// the network.
    public static func mayAdminister(_ role: Role) -> Bool { role == .admin }

    /// Creating, changing and deactivating accounts; never one's own role or scope (`AccountService`).
    public static func mayManageAccounts(_ role: Role) -> Bool { role == .admin }

    /// Roles that reach residents' data or the accounts that do, and so sign in with a second
    /// factor where the municipality requires it (BIO, NEN 7510). Analysts and council members see
    /// aggregates only.
    public static func needsSecondFactor(_ role: Role) -> Bool { [.coach, .chair, .partner, .admin, .auditor].contains(role) }

    /// The collaboration survey (track 2): the analyst manages questions and rounds.
    public static func managesSurvey(_ role: Role) -> Bool { role == .analyst }

    /// The network's professionals answer the survey.
    public static func answersSurvey(_ role: Role) -> Bool { [.coach, .chair, .partner].contains(role) }

    /// Who reads the survey's results: those who run it, answer it, or read the figures.
    public static func readsSurveyResults(_ role: Role) -> Bool { managesSurvey(role) || answersSurvey(role) || seesFigures(role) }

    /// The texts of the council letter are written by policy staff.
    public static func writesLetterTexts(_ role: Role) -> Bool { role == .analyst }

    /// The programme of the Transformatie Sociaal Domein (issue 17) is kept by policy staff: its
    /// register holds no personal data, so no scope beyond the role.
    public static func editsProgramme(_ role: Role) -> Bool { role == .analyst }

    /// A resident's record is handled by a coach of the area that holds it.
    public static func handlesResidents(_ actor: Actor, in area: UUID) -> Bool { actor.role == .coach && actor.areaID == area }
}
