import Foundation
import Testing
@testable import WijknetCore

@Suite struct CasePolicyTests {
    let area = UUID()
    let otherArea = UUID()
    let provider = UUID()

    func actor(_ role: Role, area: UUID? = nil, organisation: UUID? = nil) -> Actor {
        Actor(userID: UUID(), username: "test", role: role, organisationID: organisation, areaID: area)
    }

    @Test func coachesWorkOnTheCasesOfTheirOwnArea() {
        let facts = CaseFacts(areaID: area, involvements: [])
        #expect(CasePolicy.allows(actor(.coach, area: area), .write, facts))
        #expect(!CasePolicy.allows(actor(.coach, area: otherArea), .read, facts))
    }

    @Test func theTeamHoldingAMovedResidentsRecordExportsTheirEarlierRequestsButCannotOpenThem() {
        let moved = CaseFacts(areaID: area, involvements: [], residentAreaID: otherArea)
        #expect(CasePolicy.allows(actor(.coach, area: otherArea), .exportForResident, moved))
        #expect(!CasePolicy.allows(actor(.coach, area: otherArea), .read, moved))
        #expect(CasePolicy.allows(actor(.coach, area: area), .exportForResident, moved))
        #expect(!CasePolicy.allows(actor(.coach, area: UUID()), .exportForResident, moved))
        #expect(!CasePolicy.allows(actor(.chair, area: otherArea), .exportForResident, moved))
    }

    @Test func partnersReadOnlyWhatTheirOrganisationIsInvolvedIn() {
        let involved = CaseFacts(areaID: area, involvements: [Involvement(provider, until: nil)])
        let partner = actor(.partner, organisation: provider)
        #expect(CasePolicy.allows(partner, .read, involved))
        #expect(!CasePolicy.allows(partner, .write, involved))
        #expect(!CasePolicy.allows(partner, .read, CaseFacts(areaID: area, involvements: [Involvement(UUID(), until: nil)])))
    }

    @Test func aPartnersAccessEndsASetPeriodAfterTheirInvolvement() {
        let partner = actor(.partner, organisation: provider)
        let ended = CaseFacts(areaID: area, involvements: [Involvement(provider, until: CalendarDate("2026-01-31")!)])
        let access = PartnerAccess(daysAfterInvolvement: 30)
        #expect(CasePolicy.allows(partner, .read, ended, on: CalendarDate("2026-03-02")!, partnerAccess: access), "30 days after: still")
        #expect(!CasePolicy.allows(partner, .read, ended, on: CalendarDate("2026-03-03")!, partnerAccess: access), "31 days after: no more")
        // Another, ongoing involvement of the same organisation keeps access open.
        let ongoing = CaseFacts(areaID: area, involvements: ended.involvements + [Involvement(provider, until: nil)])
        #expect(CasePolicy.allows(partner, .read, ongoing, on: CalendarDate("2030-01-01")!, partnerAccess: access))
    }

    @Test func chairsSeeAndDecideWhatTheMeetingDiscussesButDoNotEdit() {
        let onAgenda = CaseFacts(areaID: area, involvements: [], onMeetingAgenda: true)
        #expect(CasePolicy.allows(actor(.chair, area: area), .decide, onAgenda))
        #expect(CasePolicy.allows(actor(.chair, area: area), .read, onAgenda))
        #expect(!CasePolicy.allows(actor(.chair, area: area), .write, onAgenda))
        #expect(!CasePolicy.allows(actor(.chair, area: area), .readMeasurements, onAgenda), "the resident's own answers are the coach's")
        #expect(!CasePolicy.allows(actor(.partner, organisation: provider), .readMeasurements,
                                   CaseFacts(areaID: area, involvements: [Involvement(provider, until: nil)])))
        let direct = CaseFacts(areaID: area, involvements: [], onMeetingAgenda: false)
        #expect(!CasePolicy.allows(actor(.chair, area: area), .read, direct))
    }

    @Test func theChairSeesWhoTheResidentIsOnlyWithTheirConsent() {
        #expect(!CasePolicy.showsIdentity(to: actor(.chair, area: area), consentForMeeting: false))
        #expect(CasePolicy.showsIdentity(to: actor(.chair, area: area), consentForMeeting: true))
        for role in [Role.coach, .partner] {
            #expect(CasePolicy.showsIdentity(to: actor(role, area: area), consentForMeeting: false), "\(role) works with the resident by name")
        }
    }

    @Test func analystsAndAdministratorsNeverSeeCases() {
        let facts = CaseFacts(areaID: area, involvements: [])
        for role in [Role.analyst, .admin] {
            #expect(!CasePolicy.allows(actor(role, area: area), .read, facts))
        }
    }

    @Test func ageBandsHideTheBirthDate() {
        let day = CalendarDate("2026-03-01")!
        #expect(AgeBand.of(birthDate: CalendarDate("2008-03-02")!, on: day) == "12–17 jaar")
        #expect(AgeBand.of(birthDate: CalendarDate("2008-03-01")!, on: day) == "18–26 jaar")
        #expect(AgeBand.of(birthDate: CalendarDate("1950-01-01")!, on: day) == "67 jaar en ouder")
    }
}
