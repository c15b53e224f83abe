import Fluent
import Foundation
import WijknetCore

/// Everything about one request, for the case page: the request and resident, the agenda items,
/// outcomes, assignments, referrals and the timeline of events.
public struct CaseFile: Sendable {
    public let request: SupportRequest
    public let resident: Resident
    public let district: District
    public let network: Network?
    public let coach: User
    public let directPartner: Organisation?
    /// Partners' answers to direct routes, accepted or declined, oldest first.
    public let directResponses: [DirectRouteResponse]
    public let agendaItems: [AgendaItem]
    public let outcomes: [Outcome]
    public let assignments: [Assignment]
    public let referrals: [Referral]
    public let events: [CaseEvent]
}

extension RequestService {
    /// The request is read and checked first; then every other part is read at once, so the page
    /// waits for about three round trips to the database however large the case is.
    public func caseFile(_ id: UUID) async throws -> CaseFile {
        try await caseFile(id, audited: true)
    }

    /// `audited: false` only for reads that are already logged as part of a larger one (an export).
    func caseFile(_ id: UUID, audited: Bool, for action: CaseAction = .read) async throws -> CaseFile {
        let request = try await load(id, for: action)
        if audited {
            try await audit.recordRead(.read, "request", id, residents: [request.$resident.id], purpose: "Dossier ingezien", on: db)
        }
        async let resident = Lookup.require(Resident.self, request.$resident.id, on: db, what: "inwoner")
        async let district = Lookup.require(District.self, request.$district.id, on: db, what: "wijk")
        async let network = optional(Network.self, request.$network.id)
        async let coach = Lookup.require(User.self, request.$coach.id, on: db, what: "wijkcoach")
        async let partner = optional(Organisation.self, request.$directPartner.id)
        async let responses = DirectRouteResponse.query(on: db).filter(\.$request.$id == id).with(\.$organisation).sort(\.$createdAt).all()
        async let items = AgendaItem.query(on: db).filter(\.$request.$id == id).with(\.$meeting).all()
        async let outcomes = Outcome.query(on: db).filter(\.$request.$id == id).with(\.$organisation).all()
        async let assignments = Assignment.query(on: db).filter(\.$request.$id == id)
            .with(\.$product).with(\.$provider).sort(\.$start).all()
        async let referrals = Referral.query(on: db).filter(\.$request.$id == id).with(\.$partner).sort(\.$date).all()
        async let events = CaseEvent.query(on: db).filter(\.$request.$id == id).with(\.$actor).sort(\.$at).all()
        return CaseFile(request: request, resident: try await resident, district: try await district, network: try await network,
                        coach: try await coach, directPartner: try await partner, directResponses: try await responses,
                        agendaItems: try await items, outcomes: try await outcomes, assignments: try await assignments,
                        referrals: try await referrals, events: try await events)
    }

    private func optional<M: Model>(_ type: M.Type, _ id: UUID?) async throws -> M? where M.IDValue == UUID {
        guard let id else { return nil }
        return try await M.find(id, on: db)
    }
}
