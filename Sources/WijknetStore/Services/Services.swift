import Fluent
import Foundation
import WijknetCore

/// Shared look-ups for the services.
package enum Lookup {
    package static func require<M: Model>(_ type: M.Type, _ id: UUID?, on db: Database, what: String) async throws -> M where M.IDValue == UUID {
        guard let id, let model = try await M.find(id, on: db) else { throw StoreError.notFound(what: what) }
        return model
    }

    /// The memberships of one network, for deciding inside or outside.
    package static func memberships(network: UUID?, on db: Database) async throws -> [MembershipPeriod] {
        guard let network else { return [] }
        return try await Membership.query(on: db).filter(\.$network.$id == network).all().map(\.period)
    }

    package static func reasons(on db: Database) async throws -> [OutsideReasonOption] {
        try await OutsideReason.query(on: db).sort(\.$label).all().map(\.option)
    }
}
