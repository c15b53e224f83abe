import Vapor
import WijknetCore
import WijknetStore

/// `/api/v1/profiles`: zelfredzaamheidprofielen for analysts — the versions, deriving a new one,
/// renaming a profile.
enum ProfilesAPI {
    static func register(_ api: APIRoutes) {
        api.on(.GET, .profiles, use: list)
        api.on(.POST, .profiles, use: derive)
        api.on(.GET, .profileSet, use: show)
        api.on(.PUT, .profile, use: rename)
        api.on(.GET, .zrmExport, use: ProfileExport.csv)
    }

    struct ProfileDTO: Content {
        let id: UUID
        let number: Int
        let name: String
        let assessments: Int
        /// Mean level per domain, keyed by domain; absent under disclosure control (fewer than 10 assessments).
        let centre: [String: Double]?

        init(_ p: ZRMProfile) throws {
            id = try p.requireID(); number = p.number; name = p.name; assessments = p.size
            centre = DisclosureControl.council.statistic(Statistic(value: 0, cases: p.size)).isSuppressed
                ? nil : Dictionary(uniqueKeysWithValues: zip(LifeDomain.allCases.map(\.rawValue), p.centre))
        }
    }

    struct SilhouetteDTO: Content {
        let k: Int
        let score: Double
    }

    struct ProfileSetDTO: Content {
        let version: Int
        let first: String
        let last: String
        let assessments: Int
        let inertia: Double
        let silhouettes: [SilhouetteDTO]
        let profiles: [ProfileDTO]

        init(_ s: ZRMProfileSet) throws {
            version = s.version; first = s.periodFirst; last = s.periodLast; assessments = s.assessments; inertia = s.inertia
            silhouettes = s.silhouetteScores.map { SilhouetteDTO(k: $0.k, score: $0.score) }
            profiles = try s.profiles.sorted { $0.number < $1.number }.map(ProfileDTO.init)
        }
    }

    static func version(_ req: Request) throws -> Int {
        guard let raw = req.parameters.get("version"), let version = Int(raw) else { throw StoreError.notFound(what: "Profielversie") }
        return version
    }

    @Sendable static func list(req: Request) async throws -> [ProfileSetDTO] {
        try await req.profileService().sets().map(ProfileSetDTO.init)
    }

    @Sendable static func show(req: Request) async throws -> ProfileSetDTO {
        try ProfileSetDTO(try await req.profileService().set(version: try version(req)))
    }

    @Sendable static func derive(req: Request) async throws -> Response {
        let service = try req.profileService()
        let input = try req.content.decode(ProfileDerivationInput.self)
        let set = try await service.derive(input)
        return try await ProfileSetDTO(try await service.set(version: set.version)).encodeResponse(status: .created, for: req)
    }

    @Sendable static func rename(req: Request) async throws -> ProfileDTO {
        let service = try req.profileService()
        let set = try await service.set(version: try version(req))
        guard let number = req.parameters.get("number").flatMap(Int.init), let profile = set.profiles.first(where: { $0.number == number }) else {
            throw StoreError.notFound(what: "Profiel")
        }
        return try ProfileDTO(try await service.rename(try profile.requireID(), try req.content.decode(ProfileNameInput.self)))
    }
}
