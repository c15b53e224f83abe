import Vapor

/// Page routes registered from their typed address (`SiteURL`), so the address a page links to and
/// the route that answers it are written once. A case with values is passed as its constructor
/// (`SiteURL.request`); its route has `:name` where the values go.
extension RoutesBuilder {
    @discardableResult
    func on<Response: AsyncResponseEncodable>(_ method: HTTPMethod, _ url: SiteURL, body: HTTPBodyStreamStrategy = .collect,
                                             use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(method, url.route, body: body, use: handler)
    }

    @discardableResult
    func get<Response: AsyncResponseEncodable>(_ url: SiteURL, use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(.GET, url, use: handler)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(_ url: SiteURL, use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(.POST, url, use: handler)
    }

    @discardableResult
    func get<Response: AsyncResponseEncodable>(_ url: (UUID) -> SiteURL, use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(.GET, url(UUID()), use: handler)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(_ url: (UUID) -> SiteURL, use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(.POST, url(UUID()), use: handler)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(_ url: (UUID, UUID) -> SiteURL, use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(.POST, url(UUID(), UUID()), use: handler)
    }

    @discardableResult
    func get<Response: AsyncResponseEncodable>(_ url: (String) -> SiteURL, use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(.GET, url(""), use: handler)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(_ url: (String) -> SiteURL, use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(.POST, url(""), use: handler)
    }
}
