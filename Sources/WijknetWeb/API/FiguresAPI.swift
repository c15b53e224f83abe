import Vapor
import WijknetCore
import WijknetStore

/// `/api/v1/figures`: the council's figures K1–K10 as the dashboard shows them, after disclosure
/// control; their definitions; and for coach and chair the requests behind a figure.
enum FiguresAPI {
    static func register(_ api: APIRoutes) {
        api.on(.GET, .figures, use: figuresForQuery)
        api.on(.GET, .figureDefinitions, use: definitions)
        api.on(.GET, .figureRequests, use: requests)
    }

    @Sendable static func figuresForQuery(req: Request) async throws -> FiguresDTO {
        try FigureRequest.requireFigures(req)
        return FiguresDTO(try await DashboardView.load(req, try await FigureRequest.query(req)))
    }

    @Sendable static func definitions(req: Request) async throws -> [FigureDefinitionDTO] {
        try FigureRequest.requireFigures(req)
        return FigureDefinition.allCases.map {
            FigureDefinitionDTO(code: $0.code, title: $0.title, definition: $0.definition, refinement: $0.refinement)
        }
    }

    @Sendable static func requests(req: Request) async throws -> PageDTO<RequestDTO> {
        try req.authorise(CasePolicy.drillsDown)
        let figure = try FigureRequest.figure(req)
        let actor = try req.actor()
        let page = try await FigureRequest.drillDown(req, figure, try await FigureRequest.query(req), try req.paging())
        return PageDTO(items: try page.items.map { try RequestDTO($0, for: actor) }, page: page.page, perPage: page.perPage, total: page.total,
                       totalIsExact: page.totalIsExact)
    }
}

struct FigureDefinitionDTO: Content {
    let code: String
    let title: String
    let definition: String
    let refinement: String?
}

struct FigureLineDTO: Content {
    /// `K1`, `K4.wmo`, `K6.inside`, `K10.no-capacity`.
    let key: String
    let code: String
    let title: String
    let part: String
    /// Shares as a fraction (0–1), hours, days or counts; null when suppressed.
    let value: Double?
    let suppressed: Bool
    /// What the value rests on; null when that number is itself below the minimum.
    let base: Int?

    init(_ line: FigureLine) {
        key = line.key
        code = line.figure.code
        title = line.title
        part = line.part
        value = line.value.value
        suppressed = line.value.isSuppressed
        base = line.base
    }
}

struct FiguresDTO: Content {
    struct Scope: Content {
        let municipalityId: UUID?
        let areaId: UUID?
        let networkId: UUID?
    }

    struct Quarter: Content {
        let period: String
        let lines: [FigureLineDTO]
    }

    let period: String
    let periodLabel: String
    let first: String
    let last: String
    let law: Law?
    let scope: Scope
    let asOf: String
    let lines: [FigureLineDTO]
    let trend: [Quarter]

    init(_ view: DashboardView) {
        let query = view.result.query
        period = query.period.description
        periodLabel = query.period.dutch
        first = query.period.first.description
        last = query.period.last.description
        law = query.law
        scope = Scope(municipalityId: query.scope.municipalityId, areaId: query.scope.areaId, networkId: query.scope.networkId)
        asOf = view.result.asOf.description
        lines = view.lines.map(FigureLineDTO.init)
        trend = view.result.trend.map { quarter in
            Quarter(period: quarter.period.description, lines: quarter.figures.lines(reasonLabels: view.result.reasonLabels).map(FigureLineDTO.init))
        }
    }
}
