import Foundation
import Vapor

/// Every page address in one place. Labels in paths are Dutch: these are the addresses users see.
enum SiteURL {
    case home
    case login
    case loginCode
    /// Single sign-on: off to the identity provider, and back.
    case ssoStart
    case ssoReturn
    case secondFactor
    /// For the operator: the process answers, it is ready for requests, its metrics.
    case health
    case ready
    case metrics
    case logout
    case requests
    case newRequest
    case request(UUID)
    case requestEdit(UUID)
    case requestRoute(UUID)
    case requestDecision(UUID)
    case requestAssignment(UUID)
    case requestReferral(UUID)
    case referralStatus(UUID, UUID)
    case requestClose(UUID)
    case requestDirectResponse(UUID)
    case careReport(UUID)
    case inbox
    case inboxReported
    case residents
    case newResident
    case resident(UUID)
    case residentEdit(UUID)
    case residentZRM(UUID)
    case residentErase(UUID)
    case residentMove(UUID)
    case residentExport(UUID)
    case residentExportJSON(UUID)
    case meetings
    case meeting(UUID)
    case admin
    case adminAreas
    case adminDistricts
    case adminNetworks
    case adminOrganisations
    case adminNetwork(UUID)
    case adminMembershipEnd(UUID, UUID)
    case adminProducts
    case adminReasons
    case adminReasonChange
    case adminAccounts
    case adminAccount(UUID)
    case adminAccountPasswordLink(UUID)
    case adminAccountDeactivate(UUID)
    case adminAccountSecondFactor(UUID)
    case passwordSet(String)
    case dashboard
    case dashboardDefinitions
    case dashboardCSV
    case dashboardChart(String)
    case dashboardRequests(String)
    case historyImport
    case zrm2010Import
    case caseHistoryImport
    case profiles
    case profileExport
    case profileName(UUID)
    case requestEffects(UUID)
    case effectsDue
    case dashboardEffects
    case survey
    case surveyRounds
    case surveyRound(UUID)
    case surveyRoundClose(UUID)
    case surveyResults(UUID)
    case surveyQuestions
    case surveyQuestionDeactivate(UUID)
    case councilLetter
    case councilLetterMarkdown
    case councilLetterPrint
    case councilLetterTexts
    case programmes
    case programme(UUID)
    case programmeOpgaven(UUID)
    case programmeInitiatives(UUID)
    case programmeMilestones(UUID)
    case programmeMilestone(UUID)
    case audit
    case auditResident
    case tokens
    case tokenRevoke(UUID)
    case stylesheet
    case sessionScript
    case themeStylesheet
    case logo
    case sessionKeepAlive

    /// The address, with its values filled in.
    var path: String { "/" + segments.map(\.text).joined(separator: "/") }

    /// The route that answers this address: the same segments, with `:name` for every value.
    var route: [PathComponent] { segments.map(\.component) }

    private var segments: [Segment] {
        switch self {
        case .home: []
        case .login: ["inloggen"]
        case .loginCode: ["inloggen", "code"]
        case .health: ["health"]
        case .ready: ["ready"]
        case .metrics: ["metrics"]
        case .ssoStart: ["inloggen", "sso"]
        case .ssoReturn: ["inloggen", "sso", "terug"]
        case .secondFactor: ["account", "tweede-factor"]
        case .logout: ["uitloggen"]
        case .requests: ["verzoeken"]
        case .newRequest: ["verzoeken", "nieuw"]
        case .request(let id): ["verzoeken", .value(id, "id")]
        case .requestEdit(let id): ["verzoeken", .value(id, "id"), "wijzigen"]
        case .requestRoute(let id): ["verzoeken", .value(id, "id"), "route"]
        case .requestDecision(let id): ["verzoeken", .value(id, "id"), "besluit"]
        case .requestAssignment(let id): ["verzoeken", .value(id, "id"), "toewijzing"]
        case .requestReferral(let id): ["verzoeken", .value(id, "id"), "toeleiding"]
        case .referralStatus(let id, let referral): ["verzoeken", .value(id, "id"), "toeleiding", .value(referral, "referral"), "status"]
        case .requestClose(let id): ["verzoeken", .value(id, "id"), "afsluiten"]
        case .requestDirectResponse(let id): ["verzoeken", .value(id, "id"), "reactie"]
        case .careReport(let id): ["verzoeken", .value(id, "id"), "zorg"]
        case .inbox: ["postvak"]
        case .inboxReported: ["postvak", "gemeld"]
        case .residents: ["inwoners"]
        case .newResident: ["inwoners", "nieuw"]
        case .resident(let id): ["inwoners", .value(id, "id")]
        case .residentEdit(let id): ["inwoners", .value(id, "id"), "wijzigen"]
        case .residentZRM(let id): ["inwoners", .value(id, "id"), "zrm"]
        case .residentErase(let id): ["inwoners", .value(id, "id"), "wissen"]
        case .residentMove(let id): ["inwoners", .value(id, "id"), "verhuizen"]
        case .residentExport(let id): ["inwoners", .value(id, "id"), "export"]
        case .residentExportJSON(let id): ["inwoners", .value(id, "id"), "export.json"]
        case .meetings: ["overleggen"]
        case .meeting(let id): ["overleggen", .value(id, "id")]
        case .admin: ["beheer"]
        case .adminAreas: ["beheer", "gebieden"]
        case .adminDistricts: ["beheer", "wijken"]
        case .adminNetworks: ["beheer", "netwerken"]
        case .adminOrganisations: ["beheer", "organisaties"]
        case .adminNetwork(let id): ["beheer", "netwerken", .value(id, "id")]
        case .adminMembershipEnd(let network, let id): ["beheer", "netwerken", .value(network, "id"), "leden", .value(id, "membership"), "beeindigen"]
        case .adminProducts: ["beheer", "producten"]
        case .adminReasons: ["beheer", "redenen"]
        case .adminReasonChange: ["beheer", "redenen", "wijzigen"]
        case .adminAccounts: ["beheer", "accounts"]
        case .adminAccount(let id): ["beheer", "accounts", .value(id, "id")]
        case .adminAccountPasswordLink(let id): ["beheer", "accounts", .value(id, "id"), "wachtwoordlink"]
        case .adminAccountDeactivate(let id): ["beheer", "accounts", .value(id, "id"), "deactiveren"]
        case .adminAccountSecondFactor(let id): ["beheer", "accounts", .value(id, "id"), "tweede-factor"]
        case .passwordSet(let token): ["wachtwoord", .value(token, "token")]
        case .dashboard: ["cijfers"]
        case .dashboardDefinitions: ["cijfers", "definities"]
        case .dashboardCSV: ["cijfers", "export.csv"]
        case .dashboardChart(let code): ["cijfers", "grafiek", .value(code, "code")]
        case .dashboardRequests(let code): ["cijfers", .value(code, "code"), "verzoeken"]
        case .historyImport: ["import", "toewijzingen"]
        case .zrm2010Import: ["import", "zrm2010"]
        case .caseHistoryImport: ["import", "dossiers"]
        case .profiles: ["profielen"]
        case .profileExport: ["profielen", "export.csv"]
        case .profileName(let id): ["profielen", .value(id, "id"), "naam"]
        case .requestEffects(let id): ["verzoeken", .value(id, "id"), "effectmeting"]
        case .effectsDue: ["effectmetingen"]
        case .dashboardEffects: ["cijfers", "effecten"]
        case .survey: ["enquete"]
        case .surveyRounds: ["enquete", "rondes"]
        case .surveyRound(let id): ["enquete", "rondes", .value(id, "id")]
        case .surveyRoundClose(let id): ["enquete", "rondes", .value(id, "id"), "sluiten"]
        case .surveyResults(let id): ["enquete", "rondes", .value(id, "id"), "resultaten"]
        case .surveyQuestions: ["enquete", "vragen"]
        case .surveyQuestionDeactivate(let id): ["enquete", "vragen", .value(id, "id"), "uit"]
        case .councilLetter: ["raadsbrief"]
        case .councilLetterMarkdown: ["raadsbrief.md"]
        case .councilLetterPrint: ["raadsbrief", "print.css"]
        case .councilLetterTexts: ["raadsbrief", "teksten"]
        case .programmes: ["programma"]
        case .programme(let id): ["programma", .value(id, "id")]
        case .programmeOpgaven(let id): ["programma", .value(id, "id"), "opgaven"]
        case .programmeInitiatives(let id): ["programma", "opgaven", .value(id, "id"), "initiatieven"]
        case .programmeMilestones(let id): ["programma", "initiatieven", .value(id, "id"), "mijlpalen"]
        case .programmeMilestone(let id): ["programma", "mijlpalen", .value(id, "id")]
        case .audit: ["audit"]
        case .auditResident: ["audit", "inwoner"]
        case .tokens: ["api-tokens"]
        case .tokenRevoke(let id): ["api-tokens", .value(id, "id"), "intrekken"]
        case .stylesheet: ["static", "app.css"]
        case .sessionScript: ["static", "sessie.js"]
        case .themeStylesheet: ["static", "thema.css"]
        case .logo: ["static", "logo"]
        case .sessionKeepAlive: ["sessie", "verlengen"]
        }
    }

    private enum Segment: ExpressibleByStringLiteral {
        case text(String)
        case parameter(name: String, value: String)

        init(stringLiteral text: String) { self = .text(text) }

        static func value(_ value: UUID, _ name: String) -> Segment { .parameter(name: name, value: value.uuidString) }
        static func value(_ value: String, _ name: String) -> Segment { .parameter(name: name, value: value) }

        var text: String {
            switch self {
            case .text(let text): text
            case .parameter(_, let value): value
            }
        }

        var component: PathComponent {
            switch self {
            case .text(let text): .constant(text)
            case .parameter(let name, _): .parameter(name)
            }
        }
    }
}
