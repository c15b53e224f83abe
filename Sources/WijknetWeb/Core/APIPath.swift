import Vapor

/// Every API path in one place, relative to `root`. The raw value is the path exactly as the
/// OpenAPI document names it, so the route, its registration and its documentation share one
/// spelling (`OpenAPITests` holds the three together). Labels are English: this is the API.
enum APIPath: String, CaseIterable, Sendable {
    case openAPI = "/openapi.json"
    case me = "/me"
    case tokens = "/tokens"
    case token = "/tokens/{id}"
    case residents = "/residents"
    case residentSearch = "/residents/search"
    case resident = "/residents/{id}"
    case residentRetention = "/residents/{id}/retention"
    case residentExport = "/residents/{id}/export"
    case residentTransfer = "/residents/{id}/transfer"
    case residentZRM = "/residents/{id}/zrm-assessments"
    case residentProfileSuggestion = "/residents/{id}/profile-suggestion"
    case requests = "/requests"
    case request = "/requests/{id}"
    case requestRoute = "/requests/{id}/route"
    case requestDecision = "/requests/{id}/decision"
    case requestAssignments = "/requests/{id}/assignments"
    case requestReferrals = "/requests/{id}/referrals"
    case requestReferral = "/requests/{id}/referrals/{referral}"
    case requestClose = "/requests/{id}/close"
    case requestDirectResponse = "/requests/{id}/direct-response"
    case requestAssignment = "/requests/{id}/assignments/{assignment}"
    case inbox = "/inbox"
    case inboxReported = "/inbox/reported"
    case requestEffects = "/requests/{id}/effect-measurements"
    case effectsDue = "/effect-measurements/due"
    case meetings = "/meetings"
    case meeting = "/meetings/{id}"
    case municipalities = "/municipalities"
    case areas = "/areas"
    case districts = "/districts"
    case networks = "/networks"
    case networkMemberships = "/networks/{id}/memberships"
    case membershipEnd = "/memberships/{id}/end"
    case organisations = "/organisations"
    case products = "/products"
    case outsideReasons = "/outside-reasons"
    case outsideReason = "/outside-reasons/{code}"
    case audit = "/audit"
    case auditResidentAccess = "/audit/resident-access"
    case figures = "/figures"
    case figureDefinitions = "/figures/definitions"
    case figureRequests = "/figures/{code}/requests"
    case figureEffects = "/figures/effects"
    case importAssignments = "/imports/assignments"
    case importZRM2010 = "/imports/zrm2010"
    case importCases = "/imports/cases"
    case surveyQuestions = "/survey/questions"
    case surveyQuestionDeactivate = "/survey/questions/{id}/deactivate"
    case surveyRounds = "/survey/rounds"
    case surveyRound = "/survey/rounds/{id}"
    case surveyRoundClose = "/survey/rounds/{id}/close"
    case surveyRoundResponses = "/survey/rounds/{id}/responses"
    case surveyRoundResults = "/survey/rounds/{id}/results"
    case profiles = "/profiles"
    case profileSet = "/profiles/{version}"
    case profile = "/profiles/{version}/{number}"
    case zrmExport = "/zrm-assessments/export"
    case accounts = "/accounts"
    case account = "/accounts/{id}"
    case accountDeactivate = "/accounts/{id}/deactivate"
    case accountPasswordLink = "/accounts/{id}/password-link"
    case accountSecondFactorReset = "/accounts/{id}/second-factor/reset"

    /// Where every API path starts.
    static let root = "/api/v1"

    /// The route that answers this path below `root`: `{name}` becomes the parameter `name`.
    var route: [PathComponent] {
        rawValue.split(separator: "/").map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? .parameter(String(segment.dropFirst().dropLast())) : .constant(String(segment))
        }
    }
}
