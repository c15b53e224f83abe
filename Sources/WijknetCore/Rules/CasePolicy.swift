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

/// What the rules need to know about one request to decide who may see or change it.
public struct CaseFacts: Sendable {
    public let areaID: UUID
    /// Organisations involved: direct partner, outcome organisations, providers, referral partners.
    public let involvedOrganisations: Set<UUID>
    /// Whether the request was brought to the network meeting (it has an agenda item).
    public let onMeetingAgenda: Bool

    public init(areaID: UUID, involvedOrganisations: Set<UUID>, onMeetingAgenda: Bool = false) {
        self.areaID = areaID
        self.involvedOrganisations = involvedOrganisations
        self.onMeetingAgenda = onMeetingAgenda
    }
}

public enum CaseAction: Sendable {
    case read
    /// Register, edit, route, record assignments and referrals, close.
    case write
    /// Record the meeting's decision on an agenda item.
    case decide
}

/// The per-record rules for residents' case files, in one place.
public enum CasePolicy {
    public static func allows(_ actor: Actor, _ action: CaseAction, _ facts: CaseFacts) -> Bool {
        switch (actor.role, action) {
        case (.coach, _):
            return actor.areaID == facts.areaID
        case (.chair, .read), (.chair, .decide):
            // The chair sees what the meeting of their network discusses, nothing else.
            return actor.areaID == facts.areaID && facts.onMeetingAgenda
        case (.partner, .read):
            return actor.organisationID.map(facts.involvedOrganisations.contains) ?? false
        case (.chair, .write), (.partner, _), (.analyst, _), (.admin, _), (.auditor, _):
            return false
        }
    }

    /// Roles that may register residents and requests at all.
    public static func mayRegister(_ role: Role) -> Bool { role == .coach }

    /// Roles that see case lists (each filtered to their own records).
    public static func seesCases(_ role: Role) -> Bool { [.coach, .chair, .partner].contains(role) }

    /// Roles that read the audit log.
    public static func mayAudit(_ role: Role) -> Bool { role == .auditor }

    /// Roles that manage areas, networks, organisations and products.
    public static func mayAdminister(_ role: Role) -> Bool { role == .admin }
}
