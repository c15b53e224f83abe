import Vapor
import WijknetCore
import WijknetStore

/// What a request for figures asks, for the dashboard, the exports and the API alike: the
/// query from its filters, the figure it names, and the requests behind a figure (the drill-down).
enum FigureRequest {
    static func drillDown(_ req: Request, _ figure: FigureDefinition, _ query: FigureQuery, _ paging: Paging) async throws -> ResultPage<SupportRequest> {
        let ids = try await req.figuresService().requestsBehind(figure, query)
        guard ids.count <= Limits.drillDownMaximum else {
            throw ValidationFailure("period", "Achter dit cijfer zitten meer dan \(Limits.drillDownMaximum.formattedDutch) verzoeken: kies een kleiner gebied of een kortere periode.")
        }
        return try await req.requestService().list(RequestFilter(ids: ids), paging)
    }

    static func figure(_ req: Request) throws -> FigureDefinition {
        let code = (req.parameters.get("code") ?? "").lowercased()
        guard let figure = FigureDefinition(rawValue: code) else { throw Abort(.notFound, reason: "Er is geen cijfer \(code.uppercased()).") }
        return figure
    }

    /// The filters of the request. A municipality may be named by its id or by its CBS code
    /// (`municipalityId=0202`, `GM0202`, or `municipality=0202`), as `wijknet report` accepts it.
    static func query(_ req: Request) async throws -> FigureQuery {
        var values = FigureQueryInput.values(of: req)
        let code = (try? req.query.get(String.self, at: "municipality")).flatMap { $0.isEmpty ? nil : $0 }
        if let named = code ?? values["municipalityId"], UUID(uuidString: named) == nil {
            guard let municipality = try await Catalogue.municipality(code: named, on: req.db), let id = municipality.id else {
                throw ValidationFailure("municipalityId", "Gemeente \(named.prefix(20)) is onbekend: geef het id of de CBS-code (bijvoorbeeld 0202).")
            }
            values["municipalityId"] = id.uuidString
        }
        return try FigureQueryInput(values: values).query()
    }

    static func requireFigures(_ req: Request) throws {
        try req.authorise(CasePolicy.seesFigures)
    }
}
