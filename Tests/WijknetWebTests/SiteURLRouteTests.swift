import Foundation
import Testing
import Vapor
@testable import WijknetWeb

/// Every page address (`SiteURL`) is answered by a route registered from it, and every page route
/// has its address (issue 14): a link cannot point to nowhere, and a path is written once.
extension AppTests {
    @Suite struct SiteURLRouteTests {
        /// Each case once; a page route whose address is missing here fails the second check.
        static let addresses: [SiteURL] = {
            let id = UUID(), other = UUID()
            return [.home, .login, .logout, .requests, .newRequest, .request(id), .requestEdit(id), .requestRoute(id), .requestDecision(id),
                    .requestAssignment(id), .requestReferral(id), .referralStatus(id, other), .requestClose(id), .requestDirectResponse(id), .careReport(id), .inbox, .inboxReported, .residents, .newResident, .resident(id),
                    .residentEdit(id), .residentZRM(id), .residentErase(id), .residentMove(id), .residentExport(id), .residentExportJSON(id),
                    .meetings, .meeting(id), .admin, .adminAreas, .adminDistricts, .adminNetworks, .adminOrganisations, .adminNetwork(id),
                    .adminMembershipEnd(id, other), .adminProducts, .adminReasons, .adminReasonChange, .adminAccounts, .adminAccount(id), .adminAccountPasswordLink(id),
                    .adminAccountDeactivate(id), .adminAccountSecondFactor(id), .loginCode, .ssoStart, .ssoReturn, .health, .ready, .metrics, .secondFactor, .passwordSet("token"), .dashboard, .dashboardDefinitions,
                    .dashboardCSV, .dashboardChart("k2"), .dashboardRequests("k2"), .historyImport, .zrm2010Import, .caseHistoryImport,
                    .profiles, .profileExport, .profileName(id), .requestEffects(id), .effectsDue, .dashboardEffects, .survey, .surveyRounds,
                    .surveyRound(id), .surveyRoundClose(id), .surveyResults(id), .surveyQuestions, .surveyQuestionDeactivate(id),
                    .councilLetter, .councilLetterMarkdown, .councilLetterPrint, .councilLetterTexts, .programmes, .programme(id), .programmeOpgaven(id),
                    .programmeInitiatives(id), .programmeMilestones(id), .programmeMilestone(id), .audit, .auditResident, .tokens, .tokenRevoke(id), .stylesheet,
                    .sessionScript, .sessionKeepAlive, .themeStylesheet, .logo]
        }()

        static func pattern(_ components: [PathComponent]) -> String { "/" + components.map(\.description).joined(separator: "/") }

        @Test func everyAddressHasItsRouteAndEveryPageRouteItsAddress() async throws {
            try await withApp { app, _ in
                let registered = Set(app.routes.all.map { Self.pattern($0.path) })
                let addresses = Set(Self.addresses.map { Self.pattern($0.route) })
                #expect(addresses.subtracting(registered).sorted() == [], "addresses without a route")
                let pages = registered.filter { !$0.hasPrefix("/api/") }
                #expect(pages.subtracting(addresses).sorted() == [], "page routes without an address")
                // The address fills in the values where the route has its parameters.
                #expect(SiteURL.adminMembershipEnd(UUID(uuidString: "00000000-0000-0000-0000-000000000001")!,
                                                   UUID(uuidString: "00000000-0000-0000-0000-000000000002")!).path
                        == "/beheer/netwerken/00000000-0000-0000-0000-000000000001/leden/00000000-0000-0000-0000-000000000002/beeindigen")
                #expect(Self.pattern(SiteURL.adminMembershipEnd(UUID(), UUID()).route) == "/beheer/netwerken/:id/leden/:membership/beeindigen")
                #expect(SiteURL.home.path == "/")
            }
        }
    }
}
