import Vapor

/// The API's routes, registered only from their `APIPath`: the `…API.register` functions get this
/// instead of a `RoutesBuilder`, so a path written as literals does not compile.
struct APIRoutes {
    private let builder: any RoutesBuilder

    init(_ builder: any RoutesBuilder) { self.builder = builder }

    /// The same routes behind `middleware` (the bearer check, an upload gate).
    func grouped(_ middleware: any Middleware) -> APIRoutes { APIRoutes(builder.grouped(middleware)) }

    /// `api.on(.GET, .requests, use: list)`; the body strategy only for uploads.
    @discardableResult
    func on<Response: AsyncResponseEncodable>(_ method: HTTPMethod, _ path: APIPath, body: HTTPBodyStreamStrategy = .collect,
                                             use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        builder.on(method, path.route, body: body, use: handler)
    }
}
