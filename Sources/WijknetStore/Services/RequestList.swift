import Fluent
import FluentSQL
import Foundation
import WijknetCore

/// Filters of the request list. Every filter is optional; text search looks in the description
/// and the resident's name.
public struct RequestFilter: Sendable, Codable {
    public var areaId: UUID?
    public var networkId: UUID?
    public var status: RequestStatus?
    public var law: Law?
    public var route: Route?
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var q: String?

    public init(areaId: UUID? = nil, networkId: UUID? = nil, status: RequestStatus? = nil, law: Law? = nil, route: Route? = nil,
                from: CalendarDate? = nil, to: CalendarDate? = nil, q: String? = nil) {
        self.areaId = areaId
        self.networkId = networkId
        self.status = status
        self.law = law
        self.route = route
        self.from = from
        self.to = to
        self.q = q
    }
}

public struct ResultPage<Item: Sendable>: Sendable {
    public let items: [Item]
    public let page: Int
    public let perPage: Int
    public let total: Int

    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
}

extension RequestService {
    /// The requests the actor may see, newest intake first.
    public func list(_ filter: RequestFilter, page: Int = 1, perPage: Int = Limits.pageSize) async throws -> ResultPage<SupportRequest> {
        guard CasePolicy.seesCases(actor.role) else { throw StoreError.forbidden }
        let page = max(1, page)
        let perPage = min(max(1, perPage), Limits.maxPageSize)
        let query = SupportRequest.query(on: db)
        switch actor.role {
        case .coach, .chair:
            guard let area = actor.areaID else { throw StoreError.forbidden }
            let districts = try await District.query(on: db).filter(\.$area.$id == area).all().compactMap(\.id)
            query.filter(\.$district.$id ~~ districts)
        case .partner:
            guard let org = actor.organisationID else { throw StoreError.forbidden }
            query.group(.or) { group in
                group.filter(\.$directPartner.$id == org)
                group.filter(.sql(SQLQueryString("\(ident: SupportRequest.schema).\(ident: "id") IN (SELECT request_id FROM \(ident: Assignment.schema) WHERE provider_id = \(bind: org)) OR \(ident: SupportRequest.schema).\(ident: "id") IN (SELECT request_id FROM \(ident: Referral.schema) WHERE partner_id = \(bind: org)) OR \(ident: SupportRequest.schema).\(ident: "id") IN (SELECT request_id FROM \(ident: Outcome.schema) WHERE organisation_id = \(bind: org))")))
            }
        case .analyst, .admin:
            throw StoreError.forbidden
        }
        if let area = filter.areaId {
            let districts = try await District.query(on: db).filter(\.$area.$id == area).all().compactMap(\.id)
            query.filter(\.$district.$id ~~ districts)
        }
        if let network = filter.networkId { query.filter(\.$network.$id == network) }
        if let status = filter.status { query.filter(\.$status == status) }
        if let law = filter.law { query.filter(\.$law ~~ [LawScope(rawValue: law.rawValue)!, .both]) }
        if let route = filter.route { query.filter(\.$route == route) }
        if let from = filter.from { query.filter(\.$intakeDate >= from.description) }
        if let to = filter.to { query.filter(\.$intakeDate <= to.description) }
        if let q = filter.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty {
            query.join(Resident.self, on: \SupportRequest.$resident.$id == \Resident.$id)
            query.group(.or) { group in
                group.filter(SearchPattern.lowerLike(column: "summary", table: SupportRequest.schema, q))
                group.filter(SearchPattern.lowerLike(column: "given_name", table: Resident.schema, q))
                group.filter(SearchPattern.lowerLike(column: "family_name", table: Resident.schema, q))
            }
        }
        let total = try await query.count()
        let items = try await query.copy()
            .sort(\.$intakeDate, .descending).sort(\.$id)
            .offset((page - 1) * perPage).limit(perPage)
            .with(\.$resident).with(\.$district).with(\.$network)
            .all()
        return ResultPage(items: items, page: page, perPage: perPage, total: total)
    }
}
