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
    public let agendaItems: [AgendaItem]
    public let outcomes: [Outcome]
    public let assignments: [Assignment]
    public let referrals: [Referral]
    public let events: [CaseEvent]
}

extension RequestService {
    /// Five queries whatever the size of the case: one per kind of record.
    public func caseFile(_ id: UUID) async throws -> CaseFile {
        let request = try await load(id, for: .read)
        let full = try await SupportRequest.query(on: db).filter(\.$id == id)
            .with(\.$resident).with(\.$district).with(\.$network).with(\.$coach).with(\.$directPartner)
            .first()!
        async let items = AgendaItem.query(on: db).filter(\.$request.$id == id).with(\.$meeting).all()
        async let outcomes = Outcome.query(on: db).filter(\.$request.$id == id).with(\.$organisation).all()
        async let assignments = Assignment.query(on: db).filter(\.$request.$id == id)
            .with(\.$product).with(\.$provider).sort(\.$start).all()
        async let referrals = Referral.query(on: db).filter(\.$request.$id == id).with(\.$partner).sort(\.$date).all()
        async let events = CaseEvent.query(on: db).filter(\.$request.$id == id).with(\.$actor).sort(\.$at).all()
        _ = request
        return CaseFile(request: full, resident: full.resident, district: full.district, network: full.network,
                        coach: full.coach, directPartner: full.directPartner,
                        agendaItems: try await items, outcomes: try await outcomes, assignments: try await assignments,
                        referrals: try await referrals, events: try await events)
    }
}
