import Vapor
import WijknetCore
import WijknetStore

/// The POST handlers of the case page. On success they go back to the top of the case page, which
/// says what was saved; on invalid input they show the same form with the user's input and the
/// errors; on a conflict they say so and show the current state.
enum CaseActions {
    static func version(_ req: Request) -> Int? {
        (try? req.content.get(String.self, at: "version")).flatMap(Int.init)
    }

    /// Runs `action`; maps its failures to the case page with the right form filled in.
    static func perform(_ req: Request, form: WritableKeyPath<CasePage.Forms, FormState>, values: [String: String],
                        mapErrors: ([FieldError]) -> [FieldError] = { $0 }, done: String, next: SiteURL? = nil,
                        _ action: (RequestService, UUID) async throws -> Void) async throws -> Response {
        let id = try req.id()
        do {
            try await action(try req.requestService(), id)
            req.flash(done)
            return req.redirect(to: (next ?? SiteURL.request(id)).path)
        } catch StoreError.invalid(let failure) {
            var forms = CasePage.Forms()
            forms[keyPath: form] = FormState(values: values, errors: mapErrors(failure.errors))
            return try await CasePage.render(req, id: id, forms: forms, status: .unprocessableEntity)
        } catch StoreError.conflict(let message), StoreError.notAllowed(let message) {
            var forms = CasePage.Forms()
            forms.message = message
            return try await CasePage.render(req, id: id, forms: forms, status: .conflict)
        }
    }

    @Sendable static func route(req: Request) async throws -> Response {
        let values = req.formValues(["route", "partnerId"])
        return try await perform(req, form: \.route, values: values, done: "De route is vastgelegd.") { service, id in
            _ = try await service.route(id, RouteInput(route: values["route"], partnerId: values["partnerId"]), expectedVersion: version(req))
        }
    }

    static let decisionFields = ["ownNetwork", "welfare", "welfarePartner", "welfareActivity", "coachSupport",
                                 "care", "careProvider", "careReason", "careReasonText", "note"]

    @Sendable static func decide(req: Request) async throws -> Response {
        let v = req.formValues(decisionFields)
        // Build the outcomes in a fixed order and remember which form field each error belongs to.
        var outcomes: [OutcomeInput] = []
        var prefixes: [(String, [String: String])] = []
        if v["ownNetwork"] == "on" {
            outcomes.append(OutcomeInput(kind: OutcomeKind.ownNetwork.rawValue))
            prefixes.append(("ownNetwork", [:]))
        }
        if v["welfare"] == "on" {
            outcomes.append(OutcomeInput(kind: OutcomeKind.welfare.rawValue, organisationId: v["welfarePartner"], activity: v["welfareActivity"]))
            prefixes.append(("welfare", ["organisationId": "welfarePartner", "activity": "welfareActivity"]))
        }
        if v["coachSupport"] == "on" {
            outcomes.append(OutcomeInput(kind: OutcomeKind.coachSupport.rawValue))
            prefixes.append(("coachSupport", [:]))
        }
        if v["care"] == "on" {
            outcomes.append(OutcomeInput(kind: OutcomeKind.indicatedCare.rawValue, organisationId: v["careProvider"],
                                         outsideReason: v["careReason"], outsideReasonText: v["careReasonText"]))
            prefixes.append(("care", ["organisationId": "careProvider", "outsideReason": "careReason", "outsideReasonText": "careReasonText"]))
        }
        let input = DecisionInput(outcomes: outcomes, note: v["note"], version: version(req))
        let mapErrors: ([FieldError]) -> [FieldError] = { errors in
            errors.map { e in
                if e.field == "outcomes" { return FieldError("ownNetwork", e.message) }
                for (i, (box, fields)) in prefixes.enumerated() where e.field.hasPrefix("outcomes[\(i)].") {
                    let sub = String(e.field.dropFirst("outcomes[\(i)].".count))
                    return FieldError(fields[sub] ?? box, e.message)
                }
                return e
            }
        }
        return try await perform(req, form: \.decision, values: v, mapErrors: mapErrors, done: "Het besluit is vastgelegd.") { service, id in
            _ = try await service.decide(id, input)
        }
    }

    static let assignmentFields = ["law", "productId", "providerId", "hoursPerWeek", "startDate", "endDate", "kind",
                                   "previousAssignmentId", "outsideReason", "outsideReasonText"]

    @Sendable static func assign(req: Request) async throws -> Response {
        let v = req.formValues(assignmentFields)
        let input = AssignmentInput(law: v["law"], productId: v["productId"], providerId: v["providerId"],
                                    hoursPerWeek: Form.number(v["hoursPerWeek"]), startDate: v["startDate"], endDate: v["endDate"],
                                    kind: v["kind"], previousAssignmentId: v["previousAssignmentId"],
                                    outsideReason: v["outsideReason"], outsideReasonText: v["outsideReasonText"])
        return try await perform(req, form: \.assignment, values: v, done: "De toewijzing is vastgelegd.") { service, id in
            _ = try await service.addAssignment(id, input, expectedVersion: version(req))
        }
    }

    @Sendable static func refer(req: Request) async throws -> Response {
        let v = req.formValues(["partnerId", "activity", "date", "status"])
        let input = ReferralInput(partnerId: v["partnerId"], activity: v["activity"], date: v["date"], status: v["status"])
        return try await perform(req, form: \.referral, values: v, done: "De toeleiding is vastgelegd.") { service, id in
            _ = try await service.addReferral(id, input, expectedVersion: version(req))
        }
    }

    @Sendable static func referralStatus(req: Request) async throws -> Response {
        let status = try? req.content.get(String.self, at: "status")
        let referral = try req.id("referral")
        return try await perform(req, form: \.referral, values: [:], done: "De status van de toeleiding is opgeslagen.") { service, id in
            _ = try await service.updateReferral(id, referral: referral, status: status)
        }
    }

    @Sendable static func respond(req: Request) async throws -> Response {
        let v = req.formValues(["accepted", "reason", "reasonText"])
        let input = DirectResponseInput(accepted: v["accepted"].flatMap { Bool($0) }, reason: v["reason"], reasonText: v["reasonText"])
        let declines = v["accepted"] == "false"
        let done = declines ? "Het verzoek is teruggegeven aan de wijkcoach." : "Jullie hebben het verzoek geaccepteerd."
        // After a decline the organisation no longer takes part: back to the inbox, not to the case.
        return try await perform(req, form: \.response, values: v, done: done, next: declines ? .inbox : nil) { service, id in
            _ = try await service.respond(id, input)
        }
    }

    @Sendable static func reportCare(req: Request) async throws -> Response {
        let v = req.formValues(["assignment", "careStartedOn", "careEndedOn"])
        let input = CareReportInput(careStartedOn: v["careStartedOn"], careEndedOn: v["careEndedOn"])
        return try await perform(req, form: \.care, values: v, done: "De melding over de zorg is opgeslagen.") { service, id in
            _ = try await service.load(id, for: .report)
            guard let assignment = v["assignment"].flatMap(UUID.init(uuidString:)) else {
                throw StoreError.invalid(ValidationFailure("assignment", "Kies de toewijzing."))
            }
            _ = try await service.reportCare(id, assignment: assignment, input)
        }
    }

    @Sendable static func close(req: Request) async throws -> Response {
        let confirmed = (try? req.content.get(String.self, at: "confirm")) == "on"
        return try await perform(req, form: \.close, values: [:], done: "Het verzoek is afgesloten.") { service, id in
            _ = try await service.load(id, for: .write)
            guard confirmed else { throw StoreError.invalid(ValidationFailure("confirm", "Vink aan dat je het verzoek wilt afsluiten.")) }
            _ = try await service.close(id, expectedVersion: version(req))
        }
    }
}
