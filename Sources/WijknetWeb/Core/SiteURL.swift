import Foundation

/// Every page address in one place. Labels in paths are Dutch: these are the addresses users see.
enum SiteURL {
    case home
    case login
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
    case residents
    case newResident
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
    case councilLetterTexts
    case audit
    case auditResident
    case tokens
    case tokenRevoke(UUID)
    case stylesheet

    var path: String {
        switch self {
        case .home: "/"
        case .login: "/inloggen"
        case .logout: "/uitloggen"
        case .requests: "/verzoeken"
        case .newRequest: "/verzoeken/nieuw"
        case .request(let id): "/verzoeken/\(id)"
        case .requestEdit(let id): "/verzoeken/\(id)/wijzigen"
        case .requestRoute(let id): "/verzoeken/\(id)/route"
        case .requestDecision(let id): "/verzoeken/\(id)/besluit"
        case .requestAssignment(let id): "/verzoeken/\(id)/toewijzing"
        case .requestReferral(let id): "/verzoeken/\(id)/toeleiding"
        case .referralStatus(let id, let referral): "/verzoeken/\(id)/toeleiding/\(referral)/status"
        case .requestClose(let id): "/verzoeken/\(id)/afsluiten"
        case .residents: "/inwoners"
        case .newResident: "/inwoners/nieuw"
        case .residentEdit(let id): "/inwoners/\(id)/wijzigen"
        case .residentZRM(let id): "/inwoners/\(id)/zrm"
        case .residentErase(let id): "/inwoners/\(id)/wissen"
        case .residentMove(let id): "/inwoners/\(id)/verhuizen"
        case .residentExport(let id): "/inwoners/\(id)/export"
        case .residentExportJSON(let id): "/inwoners/\(id)/export.json"
        case .meetings: "/overleggen"
        case .meeting(let id): "/overleggen/\(id)"
        case .admin: "/beheer"
        case .adminAreas: "/beheer/gebieden"
        case .adminDistricts: "/beheer/wijken"
        case .adminNetworks: "/beheer/netwerken"
        case .adminOrganisations: "/beheer/organisaties"
        case .adminNetwork(let id): "/beheer/netwerken/\(id)"
        case .adminMembershipEnd(let network, let id): "/beheer/netwerken/\(network)/leden/\(id)/beeindigen"
        case .adminProducts: "/beheer/producten"
        case .adminReasons: "/beheer/redenen"
        case .adminReasonChange: "/beheer/redenen/wijzigen"
        case .dashboard: "/cijfers"
        case .dashboardDefinitions: "/cijfers/definities"
        case .dashboardCSV: "/cijfers/export.csv"
        case .dashboardChart(let code): "/cijfers/grafiek/\(code)"
        case .dashboardRequests(let code): "/cijfers/\(code)/verzoeken"
        case .historyImport: "/import/toewijzingen"
        case .zrm2010Import: "/import/zrm2010"
        case .caseHistoryImport: "/import/dossiers"
        case .profiles: "/profielen"
        case .profileExport: "/profielen/export.csv"
        case .profileName(let id): "/profielen/\(id)/naam"
        case .requestEffects(let id): "/verzoeken/\(id)/effectmeting"
        case .effectsDue: "/effectmetingen"
        case .dashboardEffects: "/cijfers/effecten"
        case .survey: "/enquete"
        case .surveyRounds: "/enquete/rondes"
        case .surveyRound(let id): "/enquete/rondes/\(id)"
        case .surveyRoundClose(let id): "/enquete/rondes/\(id)/sluiten"
        case .surveyResults(let id): "/enquete/rondes/\(id)/resultaten"
        case .surveyQuestions: "/enquete/vragen"
        case .surveyQuestionDeactivate(let id): "/enquete/vragen/\(id)/uit"
        case .councilLetter: "/raadsbrief"
        case .councilLetterMarkdown: "/raadsbrief.md"
        case .councilLetterTexts: "/raadsbrief/teksten"
        case .audit: "/audit"
        case .auditResident: "/audit/inwoner"
        case .tokens: "/api-tokens"
        case .tokenRevoke(let id): "/api-tokens/\(id)/intrekken"
        case .stylesheet: "/static/app.css"
        }
    }
}

/// API paths, relative to `/api/v1`.
enum APIPath {
    static let root = "/api/v1"
}
