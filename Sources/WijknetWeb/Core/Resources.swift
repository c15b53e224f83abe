import Foundation
import Vapor

/// Files shipped with the module.
enum BundledFile {
    static func data(_ name: String, _ ext: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources") else {
            throw Abort(.internalServerError)
        }
        return try Data(contentsOf: url)
    }
}

enum Stylesheet {
    static let css: Data = (try? BundledFile.data("app", "css")) ?? Data()

    @Sendable static func serve(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(data: css))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
}
