import Foundation
import Testing
@testable import WijknetCore

@Suite struct AccountRulesTests {
    @Test func aRoleGetsTheScopeItNeedsAndNothingElse() throws {
        let area = UUID(), organisation = UUID()
        let coach = try AccountInput(username: " Coach.Oost ", displayName: "Coach Oost", email: "Coach@Arnhem.nl", role: "coach",
                                     areaId: area.uuidString, organisationId: organisation.uuidString).validate()
        #expect(coach.username == "coach.oost" && coach.email == "coach@arnhem.nl" && coach.areaID == area && coach.organisationID == organisation)
        let analyst = try AccountInput(username: "analist2", displayName: "A", role: "analyst", areaId: area.uuidString).validate()
        #expect(analyst.areaID == nil && analyst.organisationID == nil, "a role without scope gets none, whatever was sent")
        #expect(throws: ValidationFailure.self) { try AccountInput(username: "partner1", displayName: "P", role: "partner").validate() }
        do {
            _ = try AccountInput(username: "ab", displayName: "", email: "geen-adres", role: "chair").validate()
            Issue.record("accepted")
        } catch {
            #expect(Set(error.errors.map(\.field)) == ["username", "displayName", "email", "areaId"])
        }
    }

    @Test func passwordsAreLongAndUncommonWithoutCompositionRules() {
        #expect(PasswordRule.problem("kort", username: "a") != nil)
        #expect(PasswordRule.problem("aaaaaaaaaaaaaaa", username: "a")?.contains("voorspelbaar") == true)
        #expect(PasswordRule.problem("coach.oost-2026-x", username: "coach.oost")?.contains("gebruikersnaam") == true)
        #expect(PasswordRule.problem("Welkom2026!!!", username: "x")?.contains("veelgebruikte") == true)
        #expect(PasswordRule.problem("qwertyuiop12", username: "x") != nil)
        #expect(PasswordRule.problem(String(repeating: "é", count: 40), username: "x")?.contains("bytes") == true, "no silent cut at 72 bytes")
        #expect(PasswordRule.problem("fiets naar de markt op dinsdag", username: "x") == nil, "a sentence, no capitals or digits needed")
    }
}
