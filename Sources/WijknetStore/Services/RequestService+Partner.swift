import Fluent
import Foundation
import WijknetCore

/// What a partner professional reports on their organisation's own part of a request. Each step
/// checks `CasePolicy` (`.report`), then that the record is their organisation's (otherwise "not
/// found", as for a request outside their scope), and is a case event and an audit entry.
extension RequestService {
    /// Accepts or declines a request routed directly to the actor's organisation. A decline takes
    /// the route off the request, so it is back on the coach's list to route again.
    public func respond(_ id: UUID, _ input: DirectResponseInput) async throws -> DirectRouteResponse {
        try await db.transaction { db in
            let request = try await load(id, for: .report, on: db)
            let organisation = try partnerOrganisation()
            // Asked once, the partner keeps its part while the request moves on (to the meeting, say).
            guard request.$directPartner.id == organisation else { throw StoreError.notFound(what: "verzoek") }
            let response = try validating { () throws(ValidationFailure) in try input.validate() }
            guard request.status == .routed, request.route == .direct else {
                throw StoreError.notAllowed(message: "Dit verzoek is al verder in behandeling; overleg met de wijkcoach.")
            }
            if try await Self.accepted(id, by: organisation, on: db) {
                throw StoreError.notAllowed(message: "Je organisatie heeft dit verzoek al geaccepteerd.")
            }
            let model = DirectRouteResponse(requestID: id, organisationID: organisation, response: response, on: today, userID: actor.userID)
            try await model.create(on: db)
            switch response {
            case .accept:
                try await advance(request, nil, expectedVersion: nil, db)
                try await record(.directAccepted, "", on: request, db)
            case .decline(let reason, _):
                request.route = nil
                request.$directPartner.id = nil
                request.routedOn = nil
                try await advance(request, .declineDirect, expectedVersion: nil, db)
                // The reason's code only: the explanation is free text and stays on the response.
                try await record(.directDeclined, "Reden: \(reason.label)", on: request, db)
                try await outbox.user(request.$coach.id, .directDeclined, about: id, on: db)
            }
            try await audit.record(.report, "request", id, residents: [request.$resident.id],
                                   purpose: model.accepted ? "Directe route geaccepteerd" : "Directe route afgewezen", on: db)
            return model
        }
    }

    /// The actual start and end of care of an assignment with the actor's organisation.
    public func reportCare(_ id: UUID, assignment assignmentID: UUID, _ input: CareReportInput) async throws -> Assignment {
        try await db.transaction { db in
            let request = try await load(id, for: .report, on: db)
            let organisation = try partnerOrganisation()
            guard let assignment = try await Assignment.query(on: db).filter(\.$id == assignmentID).filter(\.$request.$id == id)
                .filter(\.$provider.$id == organisation).first() else { throw StoreError.notFound(what: "toewijzing") }
            guard let intake = CalendarDate(request.intakeDate) else { throw StoreError.notFound(what: "verzoek") }
            let reported = assignment.careReport
            let valid = try validating { () throws(ValidationFailure) in
                try input.validate(reported: reported, intake: intake, today: today)
            }
            assignment.careStartedOn = valid.startedOn?.description
            assignment.careEndedOn = valid.endedOn?.description
            try await assignment.save(on: db)
            try await advance(request, nil, expectedVersion: nil, db)
            let product = try await Product.find(assignment.$product.id, on: db)?.name ?? "toewijzing"
            if valid.startedOn != reported.startedOn, let start = valid.startedOn {
                try await record(.careStarted, "\(product): \(start.dutch)", on: request, db)
            }
            if valid.endedOn != reported.endedOn, let end = valid.endedOn {
                try await record(.careEnded, "\(product): \(end.dutch)", on: request, db)
            }
            try await audit.record(.report, "request", id, residents: [request.$resident.id], purpose: "Start of einde zorg gemeld", on: db)
            return assignment
        }
    }

    /// The result of a welfare referral to the actor's organisation: started, resident not
    /// reached, or completed (`ReferralStatus.partnerResults`).
    public func reportReferral(_ id: UUID, referral referralID: UUID, status raw: String?) async throws -> Referral {
        try await db.transaction { db in
            let request = try await load(id, for: .report, on: db)
            let organisation = try partnerOrganisation()
            guard let referral = try await Referral.query(on: db).filter(\.$id == referralID).filter(\.$request.$id == id)
                .filter(\.$partner.$id == organisation).first() else { throw StoreError.notFound(what: "toeleiding") }
            let status = try validating { () throws(ValidationFailure) in
                var check = Checker()
                let status = check.choice(raw, "status", label: "Resultaat", as: ReferralStatus.self)
                if let status, !ReferralStatus.partnerResults.contains(status) {
                    check.fail("status", "Kies als resultaat: \(ReferralStatus.partnerResults.map(\.label).joined(separator: ", ")).")
                }
                try check.finish()
                return status!
            }
            guard request.status.isOpen else { throw StoreError.notAllowed(message: "Dit verzoek is afgesloten; overleg met de wijkcoach.") }
            referral.status = status
            try await referral.save(on: db)
            try await advance(request, nil, expectedVersion: nil, db)
            try await record(.referralUpdated, "\(status.label) (gemeld door de partner)", on: request, db)
            try await audit.record(.report, "request", id, residents: [request.$resident.id], purpose: "Resultaat toeleiding gemeld", on: db)
            return referral
        }
    }

    static func accepted(_ request: UUID, by organisation: UUID, on db: any Database) async throws -> Bool {
        try await DirectRouteResponse.query(on: db).filter(\.$request.$id == request).filter(\.$organisation.$id == organisation)
            .filter(\.$accepted == true).count() > 0
    }

    private func partnerOrganisation() throws -> UUID {
        guard actor.role == .partner, let organisation = actor.organisationID else { throw StoreError.forbidden }
        return organisation
    }
}
