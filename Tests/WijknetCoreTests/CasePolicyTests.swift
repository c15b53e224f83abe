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
        let facts = CaseFacts(areaID: area, involvedOrganisations: [])
        #expect(CasePolicy.allows(actor(.coach, area: area), .write, facts))
        #expect(!CasePolicy.allows(actor(.coach, area: otherArea), .read, facts))
    }

    @Test func partnersReadOnlyWhatTheirOrganisationIsInvolvedIn() {
        let involved = CaseFacts(areaID: area, involvedOrganisations: [provider])
        let partner = actor(.partner, organisation: provider)
        #expect(CasePolicy.allows(partner, .read, involved))
        #expect(!CasePolicy.allows(partner, .write, involved))
        #expect(!CasePolicy.allows(partner, .read, CaseFacts(areaID: area, involvedOrganisations: [UUID()])))
    }

    @Test func chairsSeeAndDecideWhatTheMeetingDiscussesButDoNotEdit() {
        let onAgenda = CaseFacts(areaID: area, involvedOrganisations: [], onMeetingAgenda: true)
        #expect(CasePolicy.allows(actor(.chair, area: area), .decide, onAgenda))
        #expect(CasePolicy.allows(actor(.chair, area: area), .read, onAgenda))
        #expect(!CasePolicy.allows(actor(.chair, area: area), .write, onAgenda))
        let direct = CaseFacts(areaID: area, involvedOrganisations: [], onMeetingAgenda: false)
        #expect(!CasePolicy.allows(actor(.chair, area: area), .read, direct))
    }

    @Test func analystsAndAdministratorsNeverSeeCases() {
        let facts = CaseFacts(areaID: area, involvedOrganisations: [])
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
