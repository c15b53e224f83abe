import Vapor
import WijknetCore
import WijknetStore

/// Track 3 through the API: a request's effect measurements, the follow-ups due, and the change
/// per item and group.
enum EffectsAPI {
    static func register(_ api: APIRoutes) {
        api.on(.GET, .requestEffects, use: list)
        api.on(.POST, .requestEffects, use: record)
        api.on(.GET, .effectsDue, use: due)
        api.on(.GET, .figureEffects, use: changes)
    }

    struct MeasurementDTO: Content {
        let id: UUID
        let requestId: UUID
        let measure: EffectMeasure
        let moment: EffectMoment
        let date: String
        let scores: [String: Int]
        init(_ m: EffectMeasurement) throws {
            id = try m.requireID(); requestId = m.$request.id; measure = m.measure; moment = m.moment; date = m.measuredOn; scores = m.scores
        }
    }

    struct DueDTO: Content {
        let requestId: UUID
        let due: String
    }

    struct ChangeDTO: Content {
        let item: String
        /// The network's id; absent for the group outside the network.
        let networkId: UUID?
        let outside: Bool
        let pairs: Int?
        let before: Double?
        let after: Double?
        let change: Double?
        let suppressed: Bool
    }

    @Sendable static func list(req: Request) async throws -> [MeasurementDTO] {
        try await req.effectService().measurements(try req.id()).map(MeasurementDTO.init)
    }

    @Sendable static func record(req: Request) async throws -> Response {
        let id = try req.id()
        // The record's rules first, so someone without access learns nothing from the body.
        _ = try await req.requestService().load(id, for: .write)
        let saved = try await req.effectService().record(id, try req.content.decode(EffectMeasurementInput.self))
        return try await MeasurementDTO(saved).encodeResponse(status: .created, for: req)
    }

    @Sendable static func due(req: Request) async throws -> [DueDTO] {
        try await req.effectService().dueFollowUps().map { DueDTO(requestId: try $0.request.requireID(), due: $0.due.description) }
    }

    @Sendable static func changes(req: Request) async throws -> [ChangeDTO] {
        try FigureRequest.requireFigures(req)
        let text = (try? req.query.get(String.self, at: "measure")) ?? EffectMeasure.questionnaire.rawValue
        guard let measure = EffectMeasure(rawValue: text) else {
            throw ValidationFailure("measure", "Kies als maat questionnaire of zrm.")
        }
        return try await req.effectService().changes(try await FigureRequest.query(req), measure: measure).map { c in
            let network: UUID? = if case .network(let id) = c.group { id } else { nil }
            return ChangeDTO(item: c.item, networkId: network, outside: c.group == .outside, pairs: c.pairs.value, before: c.before.value,
                             after: c.after.value, change: c.change.value, suppressed: c.change.isSuppressed)
        }.sorted { ($0.item, $0.networkId?.uuidString ?? "~") < ($1.item, $1.networkId?.uuidString ?? "~") }
    }
}
