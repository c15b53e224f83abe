import Foundation
import Vapor
import WijknetCore
import WijknetStore

// The API's payloads. Database models are never encoded directly: these say what leaves the system.

struct PageDTO<Item: Content>: Content {
    let items: [Item]
    let page: Int
    let perPage: Int
    /// Exact up to 1,000; above that it is 1,000 and `totalIsExact` is false.
    let total: Int
    let totalIsExact: Bool
}

struct ResidentDTO: Content {
    let id: UUID
    let householdId: UUID
    let givenName: String
    let familyName: String
    let birthDate: String
    /// Only the last three digits: the full BSN stays in the store. Empty once anonymised.
    let bsnMasked: String
    /// The day the retention period ended and the personal data were removed.
    let anonymisedOn: String?
    let street: String
    let houseNumber: String
    let postcode: String
    let city: String
    let districtId: UUID

    init(_ r: Resident, vault: BSNVault) throws {
        id = try r.requireID()
        householdId = r.$household.id
        givenName = r.givenName
        familyName = r.familyName
        birthDate = r.birthDate
        bsnMasked = r.isAnonymised ? "" : try vault.open(r.bsnSealed).masked
        anonymisedOn = r.anonymisedOn
        street = r.street
        houseNumber = r.houseNumber
        postcode = r.postcode
        city = r.city
        districtId = r.$district.id
    }
}

struct RequestDTO: Content {
    let id: UUID
    /// Nil, like the name, where the reader sees the resident by pseudonym only.
    let residentId: UUID?
    let residentName: String?
    /// Age band and wijk, where the reader may not see who the resident is (`CasePolicy.showsIdentity`).
    let residentPseudonym: String?
    let coachId: UUID
    let districtId: UUID
    let networkId: UUID?
    let intakeDate: String
    let summary: String
    let law: LawScope
    let lifeDomains: [LifeDomain]
    let urgency: Urgency
    let consentForMeeting: Bool
    let status: RequestStatus
    let route: WijknetCore.Route?
    let directPartnerId: UUID?
    let decidedOn: String?
    let closedOn: String?
    let version: Int

    init(_ r: SupportRequest, for actor: Actor) throws {
        try self.init(r, identity: ResidentIdentity(r, for: actor))
    }

    init(_ r: SupportRequest, identity: ResidentIdentity) throws {
        id = try r.requireID()
        residentId = identity.isNamed ? r.$resident.id : nil
        residentName = identity.name
        residentPseudonym = identity.pseudonym
        coachId = r.$coach.id
        districtId = r.$district.id
        networkId = r.$network.id
        intakeDate = r.intakeDate
        summary = r.summary
        law = r.law
        lifeDomains = r.lifeDomains
        urgency = r.urgency
        consentForMeeting = r.consentForMeeting
        status = r.status
        route = r.route
        directPartnerId = r.$directPartner.id
        decidedOn = r.decidedOn
        closedOn = r.closedOn
        version = r.version
    }
}

struct OutcomeDTO: Content {
    let id: UUID
    let kind: OutcomeKind
    let organisationId: UUID?
    let activity: String?
    let note: String?
    let insideNetwork: Bool?
    let outsideReason: String?
    let outsideReasonText: String?
    let decidedOn: String

    init(_ o: Outcome) throws {
        id = try o.requireID()
        kind = o.kind
        organisationId = o.$organisation.id
        activity = o.activity
        note = o.note
        insideNetwork = o.insideNetwork
        outsideReason = o.outsideReason
        outsideReasonText = o.outsideReasonText
        decidedOn = o.decidedOn
    }
}

struct AssignmentDTO: Content {
    let id: UUID
    let requestId: UUID
    let law: Law
    let productId: UUID
    let providerId: UUID
    let hoursPerWeek: Double
    let startDate: String
    let endDate: String?
    let kind: AssignmentKind
    let previousAssignmentId: UUID?
    let insideNetwork: Bool
    let outsideReason: String?
    let outsideReasonText: String?
    /// The actual days of care, as the provider reported them; nil until it does.
    let careStartedOn: String?
    let careEndedOn: String?

    init(_ a: Assignment) throws {
        id = try a.requireID()
        requestId = a.$request.id
        law = a.law
        productId = a.$product.id
        providerId = a.$provider.id
        hoursPerWeek = a.hoursPerWeek
        startDate = a.start
        endDate = a.end
        kind = a.kind
        previousAssignmentId = a.$previous.id
        insideNetwork = a.insideNetwork
        outsideReason = a.outsideReason
        outsideReasonText = a.outsideReasonText
        careStartedOn = a.careStartedOn
        careEndedOn = a.careEndedOn
    }
}

struct ReferralDTO: Content {
    let id: UUID
    let requestId: UUID
    let partnerId: UUID
    let activity: String
    let date: String
    let status: ReferralStatus

    init(_ r: Referral) throws {
        id = try r.requireID()
        requestId = r.$request.id
        partnerId = r.$partner.id
        activity = r.activity
        date = r.date
        status = r.status
    }
}

/// A partner's answer to a direct route.
struct DirectResponseDTO: Content {
    let id: UUID
    let requestId: UUID
    let organisationId: UUID
    let accepted: Bool
    let reason: DeclineReason?
    let reasonText: String?
    let respondedOn: String

    init(_ r: DirectRouteResponse) throws {
        id = try r.requireID()
        requestId = r.$request.id
        organisationId = r.$organisation.id
        accepted = r.accepted
        reason = r.reason
        reasonText = r.reasonText
        respondedOn = r.respondedOn
    }
}

struct AgendaEntryDTO: Content {
    let id: UUID
    let meetingId: UUID
    let meetingDate: String?
    let decisionNote: String?
    let decidedAt: Date?
}

struct TimelineEntryDTO: Content {
    let at: Date
    let kind: String
    let label: String
    let detail: String
    let actorName: String?
}

struct CaseFileDTO: Content {
    let request: RequestDTO
    /// Nil where the reader sees the resident by pseudonym only (`request.residentPseudonym`).
    let resident: ResidentDTO?
    let agendaItems: [AgendaEntryDTO]
    let outcomes: [OutcomeDTO]
    let assignments: [AssignmentDTO]
    let referrals: [ReferralDTO]
    let directResponses: [DirectResponseDTO]
    let timeline: [TimelineEntryDTO]
    let allowedEvents: [String]

    init(_ f: CaseFile, vault: BSNVault, for actor: Actor) throws {
        let identity = ResidentIdentity(f.request, resident: f.resident, district: f.district, for: actor)
        request = try RequestDTO(f.request, identity: identity)
        resident = identity.isNamed ? try ResidentDTO(f.resident, vault: vault) : nil
        agendaItems = try f.agendaItems.map {
            AgendaEntryDTO(id: try $0.requireID(), meetingId: $0.$meeting.id, meetingDate: $0.$meeting.value?.date,
                           decisionNote: $0.decisionNote, decidedAt: $0.decidedAt)
        }
        outcomes = try f.outcomes.map(OutcomeDTO.init)
        assignments = try f.assignments.map(AssignmentDTO.init)
        referrals = try f.referrals.map(ReferralDTO.init)
        directResponses = try f.directResponses.map(DirectResponseDTO.init)
        timeline = f.events.map {
            TimelineEntryDTO(at: $0.at, kind: $0.kind, label: CaseEventKind(rawValue: $0.kind)?.label ?? $0.kind,
                             detail: $0.detail, actorName: $0.$actor.value?.displayName)
        }
        allowedEvents = RequestLifecycle.events(from: f.request.status).map(\.rawValue)
    }
}

struct MeetingDTO: Content {
    let id: UUID
    let networkId: UUID
    let date: String
    let items: Int
    let openItems: Int
}

/// An agenda item as the meeting sees it. Without the resident's consent the item is
/// pseudonymised: age band and wijk only.
struct AgendaItemDTO: Content {
    let id: UUID
    let requestId: UUID
    let residentName: String?
    let ageBand: String
    let districtName: String
    let law: LawScope
    let urgency: Urgency
    let lifeDomains: [LifeDomain]
    let status: RequestStatus
    let version: Int
    let decided: Bool
}

struct AgendaDTO: Content {
    let meeting: MeetingDTO
    let networkName: String
    let items: [AgendaItemDTO]
}

struct OrganisationDTO: Content {
    let id: UUID
    let name: String
    let kind: OrganisationKind
    let expertise: [String]

    init(_ o: Organisation) throws {
        id = try o.requireID()
        name = o.name
        kind = o.kind
        expertise = o.expertise
    }
}

struct MembershipDTO: Content {
    let id: UUID
    let organisationId: UUID
    let networkId: UUID
    let ring: NetworkRing
    let startDate: String
    let endDate: String?
    let capacityHoursPerWeek: Double?

    init(_ m: Membership) throws {
        id = try m.requireID()
        organisationId = m.$organisation.id
        networkId = m.$network.id
        ring = m.ring
        startDate = m.start
        endDate = m.end
        capacityHoursPerWeek = m.capacityHoursPerWeek
    }
}

struct ProductDTO: Content {
    let id: UUID
    let code: String
    let name: String
    let law: Law
    let level: ProductLevel
    let categoryCode: String

    init(_ p: Product) throws {
        id = try p.requireID()
        code = p.code
        name = p.name
        law = p.law
        level = p.level
        categoryCode = p.categoryCode
    }
}

struct AreaDTO: Content {
    let id: UUID
    let municipalityId: UUID
    let name: String
}

struct DistrictDTO: Content {
    let id: UUID
    let areaId: UUID
    let code: String
    let name: String
}

struct NetworkDTO: Content {
    let id: UUID
    let areaId: UUID
    let name: String
    let meetingWeekday: Int
}

struct MunicipalityDTO: Content {
    let id: UUID
    let code: String
    let name: String
}

struct TokenDTO: Content {
    let id: UUID
    let name: String
    let createdAt: Date?
    let revokedAt: Date?
    let expiresAt: Date?
    /// Within the hour: the last use is written at most once an hour.
    let lastUsedAt: Date?
}

struct IssuedTokenDTO: Content {
    let id: UUID
    let name: String
    /// Shown once; only its hash is kept.
    let token: String
    let expiresAt: Date?
}

struct MeDTO: Content {
    let id: UUID
    let username: String
    let displayName: String
    let role: Role
    let organisationId: UUID?
    let areaId: UUID?
}

