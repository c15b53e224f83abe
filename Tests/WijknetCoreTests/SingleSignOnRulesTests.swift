import Foundation
import Testing
@testable import WijknetCore

/// The rules of single sign-on that need no provider: the groups' roles, and the checks on an ID
/// token's claims (OpenID Connect Core §3.1.3.7).
struct SingleSignOnRulesTests {
    static let area = UUID(), organisation = UUID()

    @Test func theMappingGivesEachRoleItsScopeAndRefusesMistakesAtStart() throws {
        let text = """
        {"wijkteam": {"role": "coach", "areaId": "\(Self.area)"}, "zah": {"role": "partner", "organisationId": "\(Self.organisation)"},
         "beheer": {"role": "admin"}, "beheer-2": {"role": "admin"}}
        """
        let mapping = try SSOGroupMapping.parse(Data(text.utf8))
        #expect(mapping.resolve(["medewerkers", "wijkteam"]) == .granted(.init(role: .coach, areaId: Self.area)))
        #expect(mapping.resolve(["medewerkers"]) == .noRole)
        #expect(mapping.resolve([]) == .noRole)
        // Two groups with the same grant are no conflict; two different grants are.
        #expect(mapping.resolve(["beheer", "beheer-2"]) == .granted(.init(role: .admin)))
        #expect(mapping.resolve(["zah", "wijkteam"]) == .conflicting(groups: ["wijkteam", "zah"]))

        func problems(_ json: String) -> [String] {
            do { _ = try SSOGroupMapping.parse(Data(json.utf8)); return [] } catch { return error.errors.map(\.message) }
        }
        #expect(problems(#"{"a": {"role": "coach"}}"#) == ["Groep a: de rol coach heeft een areaId nodig."])
        #expect(problems(#"{"a": {"role": "partner"}}"#) == ["Groep a: de rol partner heeft een organisationId nodig."])
        #expect(problems(#"{"a": {"role": "analyst", "areaId": "\#(Self.area)"}}"#) == ["Groep a: de rol analyst werkt niet voor een gebied; haal areaId weg."])
        #expect(problems(#"{"a": {"role": "koning"}}"#).first?.hasPrefix("De groepenindeling is geen geldige JSON") == true)
        #expect(problems(#"{"a": {"role": "coach", "areaId": "geen-uuid"}}"#).count == 1)
        #expect(problems("{}") == ["De groepenindeling noemt geen enkele groep."])
    }

    static func payload(_ fields: [String: Any]) -> Data { try! JSONSerialization.data(withJSONObject: fields) }

    static var standard: [String: Any] { ["iss": "https://login.gemeente.test", "sub": "abc", "aud": "wijknet", "exp": 2_000_000_100,
                                          "iat": 2_000_000_000, "nonce": "n-1", "amr": ["pwd", "mfa"], "groups": ["wijkteam"],
                                          "email": "a@b.test", "email_verified": true] }

    @Test func theClaimsAreReadWithTheirTypes() throws {
        let claims = try #require(IDTokenClaims(payload: Self.payload(Self.standard), groupsClaim: "groups"))
        #expect(claims.audiences == ["wijknet"] && claims.groups == ["wijkteam"] && claims.providerAskedSecondFactor && claims.emailVerified)
        var roles = Self.standard
        roles["roles"] = "wijkteam"
        roles["aud"] = ["wijknet", "ander"]
        let other = try #require(IDTokenClaims(payload: Self.payload(roles), groupsClaim: "roles"))
        #expect(other.groups == ["wijkteam"] && other.audiences == ["wijknet", "ander"])
        for (field, wrong) in [("sub", "" as Any), ("exp", "morgen"), ("exp", true), ("iat", NSNull()), ("aud", 5), ("iss", ["x"]), ("groups", 7)] {
            var fields = Self.standard
            fields[field] = wrong
            #expect(IDTokenClaims(payload: Self.payload(fields), groupsClaim: "groups") == nil, "\(field): \(wrong)")
        }
        #expect(IDTokenClaims(payload: Data("geen json".utf8), groupsClaim: "groups") == nil)
    }

    @Test func eachCheckOnTheClaimsRefusesItsOwnFault() throws {
        let good = try #require(IDTokenClaims(payload: Self.payload(Self.standard), groupsClaim: "groups"))
        func check(_ change: (inout IDTokenClaims) -> Void, now: Int64 = 2_000_000_050) -> IDTokenProblem? {
            var claims = good
            change(&claims)
            return IDTokenCheck.problem(claims, issuer: "https://login.gemeente.test", clientID: "wijknet", nonce: "n-1", now: now)
        }
        #expect(check { _ in } == nil)
        #expect(check { $0.issuer = "https://login.gemeente.test/" } == .wrongIssuer)
        #expect(check { $0.audiences = ["ander"] } == .wrongAudience)
        #expect(check { $0.audiences = ["wijknet", "ander"] } == .wrongAuthorizedParty)
        #expect(check { $0.audiences = ["wijknet", "ander"]; $0.authorizedParty = "wijknet" } == nil)
        #expect(check { $0.authorizedParty = "ander" } == .wrongAuthorizedParty)
        #expect(check { $0.nonce = "n-0" } == .wrongNonce)
        #expect(check { $0.nonce = nil } == .wrongNonce)
        // A minute of difference between the clocks is allowed, not more.
        #expect(check({ _ in }, now: 2_000_000_100 + IDTokenCheck.leewaySeconds - 1) == nil)
        #expect(check({ _ in }, now: 2_000_000_100 + IDTokenCheck.leewaySeconds) == .expired)
        #expect(check({ _ in }, now: 2_000_000_000 - IDTokenCheck.leewaySeconds) == nil)
        #expect(check({ _ in }, now: 2_000_000_000 - IDTokenCheck.leewaySeconds - 1) == .issuedInFuture)
    }
}
