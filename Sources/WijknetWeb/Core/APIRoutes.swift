import Vapor

/// The API's routes, registered only from their `APIPath`: the `…API.register` functions get this
/// instead of a `RoutesBuilder`, so a path written as literals does not compile.
struct APIRoutes {
    private let builder: any RoutesBuilder

    init(_ builder: any RoutesBuilder) { self.builder = builder }

    /// The same routes behind `middleware` (the bearer check, an upload gate).
    func grouped(_ middleware: any Middleware) -> APIRoutes { APIRoutes(builder.grouped(middleware)) }

    @discardableResult
    func on<Response: AsyncResponseEncodable>(_ method: HTTPMethod, _ path: APIPath, body: HTTPBodyStreamStrategy = .collect,
                                             use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        builder.on(method, path.route, body: body, use: handler)
    }

    @discardableResult
    func get<Response: AsyncResponseEncodable>(_ path: APIPath, use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(.GET, path, use: handler)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(_ path: APIPath, use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(.POST, path, use: handler)
    }

    @discardableResult
    func put<Response: AsyncResponseEncodable>(_ path: APIPath, use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(.PUT, path, use: handler)
    }

    @discardableResult
    func patch<Response: AsyncResponseEncodable>(_ path: APIPath, use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(.PATCH, path, use: handler)
    }

    @discardableResult
    func delete<Response: AsyncResponseEncodable>(_ path: APIPath, use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(.DELETE, path, use: handler)
    }
}
