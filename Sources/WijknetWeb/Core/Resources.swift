import Foundation
import Vapor

/// Files shipped with the module: the stylesheet, the session script and the OpenAPI document.
enum BundledFile {
    static func data(_ name: String, _ ext: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources") else {
            throw Abort(.internalServerError)
        }
        return try Data(contentsOf: url)
    }
}

/// The stylesheet and the one script (the session warning), served from the module's files, and
/// the municipality's theme and logo from the configuration.
enum StaticFile {
    static let css: Data = (try? BundledFile.data("app", "css")) ?? Data()
    static let sessionScript: Data = (try? BundledFile.data("sessie", "js")) ?? Data()

    @Sendable static func stylesheet(req: Request) async throws -> Response {
        serve(css, HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"]))
    }

    @Sendable static func script(req: Request) async throws -> Response {
        serve(sessionScript, HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]))
    }

    /// `/static/thema.css`: the municipality's own stylesheet (`WIJKNET_THEME_CSS`), empty without one.
    @Sendable static func theme(req: Request) async throws -> Response {
        serve(req.application.wijknetConfig.branding.themeCSS ?? Data(), HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"]))
    }

    /// `/static/logo`: the municipality's logo (`WIJKNET_LOGO`); none is a 404.
    @Sendable static func logo(req: Request) async throws -> Response {
        guard let logo = req.application.wijknetConfig.branding.logo else { throw Abort(.notFound) }
        return serve(logo.data, logo.type)
    }

    private static func serve(_ data: Data, _ type: HTTPMediaType) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = type
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
}

/// The OpenAPI 3.1 description of `/api/v1`, served as written; a test checks it against the
/// routes and the responses.
enum OpenAPIDocument {
    static let json: Data = (try? BundledFile.data("openapi", "json")) ?? Data()

    @Sendable static func serve(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(data: json))
        response.headers.contentType = .json
        return response
    }
}
