import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import ProgrammeCore
@testable import ProgrammeStore
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// Every route against every role, on records of the role's own area and of another area.
    /// A route without a rule here fails the test: adding a route means deciding who may use it.
    @Suite struct AuthorisationMatrixTests {
        /// Who may use a route.
        enum Rule {
            /// Anyone, signed in or not.
            case open
            /// Every signed-in user.
            case signedIn
            /// Roles that work with case lists (coach, chair, partner), each filtered to their own records.
            case caseList
            /// Read one case: the coach and chair of its area, a partner whose organisation is involved.
            case caseRead
            /// Change one case: the coach of its area.
            case caseWrite
            /// Record a meeting's decision: the coach of the area, or its chair.
            case caseDecide
            /// Residents and new requests: coaches, for their own area.
            case residents
            /// Meetings: the coach and chair of the network's area, and its core partners' professionals.
            case meetings
            /// Planning a meeting: the coach and chair of the network's area.
            case meetingPlan
            /// The council's figures: coach, chair, analyst and council.
            case figures
            /// From a figure to its requests: coach and chair.
            case drillDown
            /// The survey's rounds: its manager, the professionals who answer, the figure roles.
            case surveyRead
            /// Managing questions and rounds: the policy analyst.
            case surveyManage
            /// Zelfredzaamheidprofielen: the analyst only.
            case profiles
            /// Answering: coach, chair and partner professional.
            case surveyAnswer
            /// Writing the council letter's texts: the policy analyst.
            case letterWrite
            /// Importing assignments from before Wijknet: administrator and analyst.
            case historyImport
            /// Importing older ZRM assessments of residents: the coach (each resident checked against their area).
            case zrmImport
            /// Importing the case history: the coach for their area, or an administrator.
            case caseHistoryImport
            /// A partner's report on its organisation's own part of a case (`CaseAction.report`).
            case caseReport
            /// The partner organisation's inbox.
            case partnerInbox
            /// The programme register: policy staff (`CasePolicy.editsProgramme`).
            case programme
            case admin
            case audit
        }

        static let rules: [String: Rule] = [
            "GET /static/app.css": .open, "GET /wachtwoord/:token": .open, "POST /wachtwoord/:token": .open,
            "GET /beheer/accounts": .admin, "POST /beheer/accounts": .admin, "GET /beheer/accounts/:id": .admin, "POST /beheer/accounts/:id": .admin,
            "POST /beheer/accounts/:id/wachtwoordlink": .admin, "POST /beheer/accounts/:id/deactiveren": .admin,
            "GET /api/v1/accounts": .admin, "POST /api/v1/accounts": .admin, "GET /api/v1/accounts/:id": .admin, "PATCH /api/v1/accounts/:id": .admin,
            "POST /api/v1/accounts/:id/deactivate": .admin, "POST /api/v1/accounts/:id/second-factor/reset": .admin,
            "POST /beheer/accounts/:id/tweede-factor": .admin, "GET /account/tweede-factor": .signedIn, "POST /account/tweede-factor": .signedIn,
            "GET /inloggen/code": .open, "POST /inloggen/code": .open, "GET /inloggen/sso": .open, "GET /inloggen/sso/terug": .open,
            "GET /health": .open, "GET /ready": .open, "GET /metrics": .open, "POST /api/v1/accounts/:id/password-link": .admin, "GET /static/sessie.js": .open, "GET /static/thema.css": .open, "GET /static/logo": .open, "GET /inloggen": .open, "POST /inloggen": .open,
            "GET /api/v1/openapi.json": .open, "POST /api/v1/tokens": .open,
            "POST /uitloggen": .signedIn, "POST /sessie/verlengen": .signedIn, "GET /": .signedIn,
            "GET /api-tokens": .signedIn, "POST /api-tokens": .signedIn, "POST /api-tokens/:id/intrekken": .signedIn,
            "GET /api/v1/me": .signedIn, "GET /api/v1/tokens": .signedIn, "DELETE /api/v1/tokens/:id": .signedIn,
            "GET /api/v1/municipalities": .signedIn, "GET /api/v1/areas": .signedIn, "GET /api/v1/districts": .signedIn,
            "GET /api/v1/networks": .signedIn, "GET /api/v1/networks/:id/memberships": .signedIn,
            "GET /api/v1/organisations": .signedIn, "GET /api/v1/products": .signedIn, "GET /api/v1/outside-reasons": .signedIn,
            "GET /verzoeken": .caseList, "GET /api/v1/requests": .caseList,
            "GET /verzoeken/:id": .caseRead, "GET /api/v1/requests/:id": .caseRead,
            "GET /verzoeken/:id/wijzigen": .caseWrite, "POST /verzoeken/:id/wijzigen": .caseWrite,
            "POST /verzoeken/:id/route": .caseWrite, "POST /verzoeken/:id/toewijzing": .caseWrite,
            "POST /verzoeken/:id/toeleiding": .caseWrite, "POST /verzoeken/:id/toeleiding/:referral/status": .caseWrite,
            "POST /verzoeken/:id/afsluiten": .caseWrite,
            "PATCH /api/v1/requests/:id": .caseWrite, "POST /api/v1/requests/:id/route": .caseWrite,
            "POST /api/v1/requests/:id/assignments": .caseWrite, "POST /api/v1/requests/:id/referrals": .caseWrite,
            "PATCH /api/v1/requests/:id/referrals/:referral": .caseWrite,
            "POST /verzoeken/:id/reactie": .caseReport, "POST /verzoeken/:id/zorg": .caseReport,
            "POST /api/v1/requests/:id/direct-response": .caseReport, "PATCH /api/v1/requests/:id/assignments/:assignment": .caseReport,
            "GET /postvak": .partnerInbox, "GET /postvak/gemeld": .partnerInbox, "GET /api/v1/inbox": .partnerInbox,
            "GET /api/v1/inbox/reported": .partnerInbox, "POST /api/v1/requests/:id/close": .caseWrite,
            "POST /verzoeken/:id/besluit": .caseDecide, "POST /api/v1/requests/:id/decision": .caseDecide,
            "GET /inwoners": .residents, "POST /inwoners": .residents, "GET /inwoners/nieuw": .residents, "POST /inwoners/nieuw": .residents,
            "GET /verzoeken/nieuw": .residents, "POST /verzoeken/nieuw": .residents,
            "POST /api/v1/residents": .residents, "POST /api/v1/residents/search": .residents, "GET /api/v1/residents/:id": .residents,
            "POST /api/v1/requests": .residents,
            "GET /inwoners/:id": .residents, "GET /inwoners/:id/wijzigen": .residents, "POST /inwoners/:id/wijzigen": .residents,
            "GET /inwoners/:id/wissen": .residents, "POST /inwoners/:id/wissen": .residents,
            "GET /inwoners/:id/verhuizen": .residents, "POST /inwoners/:id/verhuizen": .residents, "POST /api/v1/residents/:id/transfer": .residents,
            "PUT /api/v1/residents/:id": .residents, "DELETE /api/v1/residents/:id": .residents, "GET /api/v1/residents/:id/retention": .residents,
            "GET /inwoners/:id/export": .residents, "GET /inwoners/:id/export.json": .residents, "GET /api/v1/residents/:id/export": .residents,
            "GET /overleggen": .meetings, "GET /overleggen/:id": .meetings,
            "GET /api/v1/meetings": .meetings, "POST /api/v1/meetings": .meetingPlan, "GET /api/v1/meetings/:id": .meetings,
            "GET /beheer": .admin, "GET /beheer/organisaties": .admin, "POST /beheer/organisaties": .admin,
            "POST /beheer/gebieden": .admin, "POST /beheer/wijken": .admin, "POST /beheer/netwerken": .admin,
            "GET /beheer/netwerken/:id": .admin, "POST /beheer/netwerken/:id": .admin,
            "POST /beheer/netwerken/:id/leden/:membership/beeindigen": .admin,
            "GET /beheer/producten": .admin, "POST /beheer/producten": .admin,
            "GET /beheer/redenen": .admin, "POST /beheer/redenen": .admin, "POST /beheer/redenen/wijzigen": .admin,
            "POST /api/v1/outside-reasons": .admin, "PATCH /api/v1/outside-reasons/:code": .admin,
            "POST /api/v1/areas": .admin, "POST /api/v1/districts": .admin, "POST /api/v1/networks": .admin,
            "POST /api/v1/networks/:id/memberships": .admin, "POST /api/v1/memberships/:id/end": .admin,
            "POST /api/v1/organisations": .admin, "POST /api/v1/products": .admin,
            "GET /cijfers": .figures, "GET /cijfers/definities": .figures, "GET /cijfers/export.csv": .figures,
            "GET /cijfers/grafiek/:code": .figures, "GET /api/v1/figures": .figures, "GET /api/v1/figures/definitions": .figures,
            "GET /cijfers/:code/verzoeken": .drillDown, "GET /api/v1/figures/:code/requests": .drillDown,
            "GET /import/toewijzingen": .historyImport, "POST /import/toewijzingen": .historyImport,
            "POST /api/v1/imports/assignments": .historyImport,
            "GET /import/zrm2010": .zrmImport, "POST /import/zrm2010": .zrmImport, "POST /api/v1/imports/zrm2010": .zrmImport,
            "GET /import/dossiers": .caseHistoryImport, "POST /import/dossiers": .caseHistoryImport, "POST /api/v1/imports/cases": .caseHistoryImport,
            "GET /raadsbrief": .figures, "GET /raadsbrief.md": .figures, "GET /raadsbrief/print.css": .figures, "POST /raadsbrief/teksten": .letterWrite,
            "GET /enquete": .surveyRead, "POST /enquete/rondes": .surveyManage, "GET /enquete/rondes/:id": .surveyAnswer,
            "POST /enquete/rondes/:id": .surveyAnswer, "POST /enquete/rondes/:id/sluiten": .surveyManage,
            "GET /enquete/rondes/:id/resultaten": .figures, "GET /enquete/vragen": .surveyManage, "POST /enquete/vragen": .surveyManage,
            "POST /enquete/vragen/:id/uit": .surveyManage,
            "GET /api/v1/survey/questions": .surveyManage, "POST /api/v1/survey/questions": .surveyManage,
            "POST /api/v1/survey/questions/:id/deactivate": .surveyManage, "GET /api/v1/survey/rounds": .surveyRead,
            "POST /api/v1/survey/rounds": .surveyManage, "GET /api/v1/survey/rounds/:id": .surveyRead,
            "POST /api/v1/survey/rounds/:id/close": .surveyManage, "POST /api/v1/survey/rounds/:id/responses": .surveyAnswer,
            "GET /api/v1/survey/rounds/:id/results": .figures,
            "GET /verzoeken/:id/effectmeting": .caseWrite, "POST /verzoeken/:id/effectmeting": .caseWrite,
            "GET /effectmetingen": .residents, "GET /cijfers/effecten": .figures,
            "GET /api/v1/requests/:id/effect-measurements": .caseWrite, "POST /api/v1/requests/:id/effect-measurements": .caseWrite,
            "GET /api/v1/effect-measurements/due": .residents, "GET /api/v1/figures/effects": .figures,
            "GET /inwoners/:id/zrm": .residents, "POST /inwoners/:id/zrm": .residents,
            "GET /api/v1/residents/:id/zrm-assessments": .residents, "GET /api/v1/residents/:id/profile-suggestion": .residents, "POST /api/v1/residents/:id/zrm-assessments": .residents,
            "GET /profielen": .profiles, "POST /profielen": .profiles, "POST /profielen/:id/naam": .profiles,
            "GET /api/v1/profiles": .profiles, "POST /api/v1/profiles": .profiles, "GET /api/v1/profiles/:version": .profiles,
            "PUT /api/v1/profiles/:version/:number": .profiles, "GET /profielen/export.csv": .profiles,
            "GET /api/v1/zrm-assessments/export": .profiles,
            "GET /audit": .audit, "GET /audit/inwoner": .audit, "POST /audit/inwoner": .audit,
            "GET /api/v1/audit": .audit, "POST /api/v1/audit/resident-access": .audit,
            "GET /api/v1/programmes": .programme, "POST /api/v1/programmes": .programme, "GET /api/v1/programmes/:id": .programme,
            "POST /api/v1/programmes/:id/opgaven": .programme, "PATCH /api/v1/opgaven/:id": .programme,
            "POST /api/v1/opgaven/:id/initiatives": .programme, "POST /api/v1/initiatives/:id/milestones": .programme,
            "PATCH /api/v1/milestones/:id": .programme,
            "GET /programma": .programme, "POST /programma": .programme, "GET /programma/:id": .programme, "POST /programma/:id/opgaven": .programme,
            "GET /programma/opgaven/:id/initiatieven": .programme, "POST /programma/opgaven/:id/initiatieven": .programme,
            "GET /programma/initiatieven/:id/mijlpalen": .programme, "POST /programma/initiatieven/:id/mijlpalen": .programme,
            "GET /programma/mijlpalen/:id": .programme, "POST /programma/mijlpalen/:id": .programme,
        ]

        /// Whether `role` may use a route with this rule on a record of its own area (`own`) or another's.
        static func allowed(_ rule: Rule, _ role: Role?, own: Bool) -> Bool {
            guard let role else { return rule == .open }
            switch rule {
            case .open, .signedIn: return true
            case .caseList: return [.coach, .chair, .partner].contains(role)
            case .caseRead: return own && [.coach, .chair, .partner].contains(role)
            case .caseWrite, .residents: return own && role == .coach
            case .caseDecide, .meetingPlan: return own && [.coach, .chair].contains(role)
            case .meetings: return own && [.coach, .chair, .partner].contains(role)
            case .figures: return [.coach, .chair, .analyst, .council].contains(role)
            case .drillDown: return [.coach, .chair].contains(role)
            case .historyImport: return [.admin, .analyst].contains(role)
            case .zrmImport: return role == .coach
            case .caseHistoryImport: return [.coach, .admin].contains(role)
            case .letterWrite, .surveyManage, .profiles, .programme: return role == .analyst
            case .surveyRead: return [.coach, .chair, .partner, .analyst, .council].contains(role)
            case .surveyAnswer: return [.coach, .chair, .partner].contains(role)
            case .caseReport: return own && role == .partner
            case .partnerInbox: return role == .partner
            case .admin: return role == .admin
            case .audit: return role == .auditor
            }
        }

        static let users: [(String?, Role?)] = [
            ("coach.noordwest", .coach), ("voorzitter.noordwest", .chair), ("partner.noordwest", .partner),
            ("analist", .analyst), ("raad", .council), ("beheer", .admin), ("auditor", .auditor), (nil, nil),
        ]

        @Test func everyRoleOnEveryRoute() async throws {
            // Thousands of sign-ins from one address within a minute: above any sensible rate limit.
            try await withApp(apiRequestsPerMinute: 100_000) { app, world in
                // setup: a case in each area, on a meeting's agenda, with a referral; the partner's
                // organisation is the direct partner of the first.
                var own: [String: String] = [:]
                var other: [String: String] = [:]
                for (index, coach) in ["coach.noordwest", "coach.rkv"].enumerated() {
                    let area = world.areas[index]
                    let headers = try await token(app, coach)
                    let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, headers, bsn: index == 0 ? "999990019" : "111222333",
                                                                             area: index)
                    _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: headers, beforeRequest: {
                        try $0.content.encode(JSON(["route": "direct", "partnerId": area.wmoProviders[0].uuidString])) })
                    _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: headers, beforeRequest: {
                        try $0.content.encode(JSON(["route": "meeting"])) })
                    let request = try #require(try await SupportRequest.find(UUID(uuidString: id), on: app.db))
                    let referral = Referral(requestID: request.id!, valid: ValidReferral(partnerID: area.welfare[0], activity: "x",
                                                                                          date: .today(), status: .proposed),
                                            userID: request.$coach.id)
                    try await referral.create(on: app.db)
                    // Care with the area's first provider, on which its professional reports.
                    let assignment = Assignment()
                    assignment.$request.id = request.id!
                    assignment.law = .wmo
                    assignment.$product.id = try #require(try await Product.query(on: app.db).filter(\.$law == .wmo).first()?.id)
                    assignment.$provider.id = area.wmoProviders[0]
                    assignment.hoursPerWeek = 3
                    assignment.start = CalendarDate.today().description
                    assignment.kind = .first
                    assignment.insideNetwork = true
                    assignment.$createdBy.id = request.$coach.id
                    try await assignment.create(on: app.db)
                    let meeting = try #require(try await AgendaItem.query(on: app.db).filter(\.$request.$id == request.id!).first())
                    let membership = try #require(try await Membership.query(on: app.db).filter(\.$network.$id == area.networkID!).first())
                    let values = ["request": id, "resident": request.$resident.id.uuidString, "meeting": meeting.$meeting.id.uuidString,
                                  "network": area.networkID!.uuidString, "membership": membership.id!.uuidString,
                                  "referral": referral.id!.uuidString, "assignment": assignment.id!.uuidString]
                    if index == 0 { own = values } else { other = values }
                }

                // A survey round with one question, for the survey's routes.
                let question = SurveyQuestion(text: "Samenwerking", kind: .likert)
                try await question.create(on: app.db)
                let round = SurveyRound(quarter: .quarter(containing: .today()), openedOn: .today())
                try await round.create(on: app.db)
                try await SurveyRoundQuestion(roundID: round.id!, questionID: question.id!, position: 0).create(on: app.db)
                own["round"] = round.id!.uuidString
                own["question"] = question.id!.uuidString
                other["round"] = own["round"]
                other["question"] = own["question"]

                // A version of the profiles with one profile, for the profiles' routes.
                let analyst = try #require(try await User.query(on: app.db).filter(\.$role == .analyst).first())
                let set = ZRMProfileSet(version: 1, period: .year(2026)!, assessments: 20, inertia: 1, silhouettes: [:], derivedBy: analyst.id!)
                try await set.create(on: app.db)
                let profile = ZRMProfile(setID: set.id!, profile: .init(number: 1, name: "Profiel", centre: Array(repeating: 4, count: 13), size: 20))
                try await profile.create(on: app.db)
                own["profile"] = profile.id!.uuidString
                other["profile"] = own["profile"]

                // A programme with an opgave, initiative and milestone, for the register's routes.
                let register = try await ProgrammeRegisterTests.register(app)
                let programme = try await ProgrammeRegisterTests.programme(app, register)
                let opgave = try await register.addOpgave(to: programme, OpgaveInput(number: 5, name: "Wijknetwerken", goal: "Borgen."))
                let initiative = try await register.addInitiative(to: opgave, InitiativeInput(title: "Borging", start: "2026-01-01"))
                let milestone = try await register.addMilestone(to: initiative, MilestoneInput(title: "Brief", planned: "2099Q3"), today: .today())
                for (key, id) in [("programme", programme), ("opgave", opgave), ("initiative", initiative), ("milestone", milestone)] {
                    own[key] = id.uuidString
                    other[key] = id.uuidString
                }

                // An account of its own for the account routes: deactivating it disturbs no one.
                let spare = User(username: "matrix.extra", displayName: "Extra", role: .analyst, passwordHash: "x")
                try await spare.create(on: app.db)
                own["account"] = spare.id!.uuidString
                other["account"] = own["account"]

                // MUT and validate, route by route.
                var unclassified: [String] = []
                for route in app.routes.all {
                    let key = "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
                    guard let rule = Self.rules[key] else {
                        unclassified.append(key)
                        continue
                    }
                    // Signing in and out, issuing and revoking tokens change the session or need
                    // credentials; their own tests cover them.
                    if ["POST /uitloggen", "POST /inloggen", "POST /api/v1/tokens"].contains(key) || key.contains("intrekken") { continue }
                    // The second step of signing in answers only half-way through a sign-in (SecondFactorTests).
                    if key.hasSuffix("/inloggen/code") { continue }
                    // Single sign-on answers only when configured, for anyone (SingleSignOnTests).
                    if key.hasPrefix("GET /inloggen/sso") { continue }
                    // The metrics answer only their own token, when configured (OperationsTests).
                    if key == "GET /metrics" { continue }
                    // The logo exists only when a municipality configured one (BrandingTests).
                    if key == "GET /static/logo" { continue }
                    // A password link is a secret of its own, for anyone who holds it (AccountTests).
                    if key.hasSuffix("/wachtwoord/:token") { continue }
                    if route.method == .DELETE { continue }
                    for (ids, isOwn) in [(own, true), (other, false)] {
                        let hasRecord = route.path.contains { if case .parameter = $0 { true } else { false } }
                        if !hasRecord && !isOwn { continue }
                        let path = "/" + route.path.map { component -> String in
                            guard case .parameter(let name) = component else { return component.description }
                            switch (name, key) {
                            case ("id", _) where key.contains("/overleggen/") || key.contains("/meetings/"): return ids["meeting"]!
                            case ("id", _) where key.contains("/inwoners") || key.contains("/residents/"): return ids["resident"]!
                            case ("id", _) where key.contains("netwerken") || key.contains("/networks/"): return ids["network"]!
                            case ("id", _) where key.contains("/memberships/"): return ids["membership"]!
                            case ("id", _) where key.contains("tokens"): return UUID().uuidString
                            case ("id", _) where key.contains("/vragen/") || key.contains("/questions/"): return ids["question"]!
                            case ("id", _) where key.contains("/enquete/") || key.contains("/survey/"): return ids["round"]!
                            case ("id", _) where key.contains("/profielen/"): return ids["profile"]!
                            case ("id", _) where key.contains("/accounts/"): return ids["account"]!
                            case ("id", _) where key.contains("/programmes/"): return ids["programme"]!
                            case ("id", _) where key.contains("/programma/opgaven/"): return ids["opgave"]!
                            case ("id", _) where key.contains("/programma/initiatieven/"): return ids["initiative"]!
                            case ("id", _) where key.contains("/programma/mijlpalen/"): return ids["milestone"]!
                            case ("id", _) where key.contains("/programma/"): return ids["programme"]!
                            case ("id", _) where key.contains("/opgaven/"): return ids["opgave"]!
                            case ("id", _) where key.contains("/initiatives/"): return ids["initiative"]!
                            case ("id", _) where key.contains("/milestones/"): return ids["milestone"]!
                            case ("token", _): return "geen-geldige-link"
                            case ("version", _), ("number", _): return "1"
                            case ("membership", _): return ids["membership"]!
                            case ("code", _) where key.contains("outside-reasons"): return "no-capacity"
                            case ("code", _): return "K1"
                            case ("referral", _): return ids["referral"]!
                            case ("assignment", _): return ids["assignment"]!
                            default: return ids["request"]!
                            }
                        }.joined(separator: "/")
                        for (username, role) in Self.users {
                            let (status, body) = try await Self.call(app, route.method, path, as: username)
                            // Without the resident's consent the chair sees a pseudonym in every
                            // route: never the name, birth date or address (issue 12, point 3).
                            if role == .chair {
                                for identifying in ["Jansen", "1980-05-01", "01-05-1980", "1-5-1980", "Markt", "6811 AB", "6811AB"] {  // no bare digits: ids are hex
                                    #expect(!body.contains(identifying), "\(key) shows the chair \(identifying)")
                                }
                            }
                            let denied = [401, 403, 404].contains(status) || (status == 303 && role == nil && !key.hasPrefix("POST /inloggen"))
                            let expected = Self.allowed(rule, role, own: isOwn)
                            #expect(denied != expected, "\(key) as \(username ?? "anonymous") on \(isOwn ? "own" : "other") record: \(status)")
                        }
                    }
                }
                #expect(unclassified.isEmpty, "routes without a rule: \(unclassified.sorted())")
            }
        }

        static func call(_ app: Application, _ method: HTTPMethod, _ path: String, as username: String?) async throws -> (UInt, String) {
            if path.hasPrefix("/api/") {
                var headers = HTTPHeaders()
                if let username { headers = try await token(app, username) }
                headers.contentType = .json
                var result: (UInt, String) = (0, "")
                try await app.testing().test(method, path, headers: headers, body: method == .GET ? nil : ByteBuffer(string: "{}")) { res in
                    result = (res.status.code, res.body.string)
                }
                return result
            }
            let session = PageSession(app)
            if let username {
                _ = try await session.get("/inloggen")
                _ = try await session.post("/inloggen", ["username": username, "password": DemoPassword.value])
            }
            // The form token of the session as it is now: signing in issues a new one.
            _ = try await session.get(username == nil ? "/inloggen" : "/")
            let res = method == .GET ? try await session.get(path) : try await session.post(path, [:])
            return (res.status.code, res.body.string)
        }
    }
}
