import Vapor
import WijknetCore
import WijknetStore

/// The geography and managed lists: read by every signed-in user, changed by administrators.
enum CatalogueAPI {
    static func register(_ api: APIRoutes) {
        api.on(.GET, .municipalities, use: municipalities)
        api.on(.GET, .areas, use: areas)
        api.on(.POST, .areas, use: createArea)
        api.on(.GET, .districts, use: districts)
        api.on(.POST, .districts, use: createDistrict)
        api.on(.GET, .networks, use: networks)
        api.on(.POST, .networks, use: createNetwork)
        api.on(.GET, .networkMemberships, use: memberships)
        api.on(.POST, .networkMemberships, use: addMembership)
        api.on(.POST, .membershipEnd, use: endMembership)
        api.on(.GET, .organisations, use: organisations)
        api.on(.POST, .organisations, use: createOrganisation)
        api.on(.GET, .products, use: products)
        api.on(.POST, .products, use: createProduct)
        api.on(.GET, .outsideReasons, use: reasons)
        api.on(.POST, .outsideReasons, use: createReason)
        api.on(.PATCH, .outsideReason, use: changeReason)
    }

    @Sendable static func municipalities(req: Request) async throws -> [MunicipalityDTO] {
        try await Catalogue.municipalities(on: req.db).map { MunicipalityDTO(id: try $0.requireID(), code: $0.code, name: $0.name) }
    }

    @Sendable static func areas(req: Request) async throws -> [AreaDTO] {
        try await Catalogue.areas(on: req.db).map(AreaDTO.init)
    }

    @Sendable static func createArea(req: Request) async throws -> Response {
        let area = try await req.adminService().createArea(try req.content.decode(AreaInput.self))
        return try await AreaDTO(area).encodeResponse(status: .created, for: req)
    }

    @Sendable static func districts(req: Request) async throws -> [DistrictDTO] {
        let area = (try? req.query.get(String.self, at: "areaId")).flatMap(UUID.init(uuidString:))
        return try await Catalogue.districts(on: req.db, area: area).map(DistrictDTO.init)
    }

    @Sendable static func createDistrict(req: Request) async throws -> Response {
        let district = try await req.adminService().createDistrict(try req.content.decode(DistrictInput.self))
        return try await DistrictDTO(district).encodeResponse(status: .created, for: req)
    }

    @Sendable static func networks(req: Request) async throws -> [NetworkDTO] {
        try await Catalogue.networks(on: req.db).map(NetworkDTO.init)
    }

    @Sendable static func createNetwork(req: Request) async throws -> Response {
        let network = try await req.adminService().createNetwork(try req.content.decode(NetworkInput.self))
        return try await NetworkDTO(network).encodeResponse(status: .created, for: req)
    }

    @Sendable static func memberships(req: Request) async throws -> [MembershipDTO] {
        try await Catalogue.memberships(on: req.db, network: try req.id()).map(MembershipDTO.init)
    }

    @Sendable static func addMembership(req: Request) async throws -> Response {
        let membership = try await req.adminService().addMembership(network: try req.id(), try req.content.decode(MembershipInput.self))
        return try await MembershipDTO(membership).encodeResponse(status: .created, for: req)
    }

    @Sendable static func endMembership(req: Request) async throws -> MembershipDTO {
        try MembershipDTO(try await req.adminService().endMembership(try req.id(), try req.content.decode(MembershipEndInput.self)))
    }

    @Sendable static func organisations(req: Request) async throws -> [OrganisationDTO] {
        let kind = (try? req.query.get(String.self, at: "kind")).flatMap(OrganisationKind.init(rawValue:))
        return try await Catalogue.organisations(on: req.db, kinds: kind.map { [$0] }).map(OrganisationDTO.init)
    }

    @Sendable static func createOrganisation(req: Request) async throws -> Response {
        let organisation = try await req.adminService().createOrganisation(try req.content.decode(OrganisationInput.self))
        return try await OrganisationDTO(organisation).encodeResponse(status: .created, for: req)
    }

    @Sendable static func products(req: Request) async throws -> [ProductDTO] {
        try await Catalogue.products(on: req.db).map(ProductDTO.init)
    }

    @Sendable static func createProduct(req: Request) async throws -> Response {
        let product = try await req.adminService().createProduct(try req.content.decode(ProductInput.self))
        return try await ProductDTO(product).encodeResponse(status: .created, for: req)
    }

    @Sendable static func reasons(req: Request) async throws -> [OutsideReasonOption] {
        try await Catalogue.reasons(on: req.db)
    }

    @Sendable static func createReason(req: Request) async throws -> Response {
        let option = try await req.adminService().createReason(try req.content.decode(OutsideReasonInput.self))
        return try await option.encodeResponse(status: .created, for: req)
    }

    @Sendable static func changeReason(req: Request) async throws -> OutsideReasonOption {
        let code = req.parameters.get("code") ?? ""
        return try await req.adminService().changeReason(code: code, try req.content.decode(OutsideReasonChange.self))
    }
}

extension OutsideReasonOption: Content {}

extension AreaDTO {
    init(_ a: Area) throws { self.init(id: try a.requireID(), municipalityId: a.$municipality.id, name: a.name) }
}

extension DistrictDTO {
    init(_ d: District) throws { self.init(id: try d.requireID(), areaId: d.$area.id, code: d.code, name: d.name) }
}

extension NetworkDTO {
    init(_ n: WijknetStore.Network) throws { self.init(id: try n.requireID(), areaId: n.$area.id, name: n.name, meetingWeekday: n.meetingWeekday) }
}
