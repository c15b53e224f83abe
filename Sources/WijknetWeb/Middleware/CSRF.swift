import Vapor

/// Every form carries the session's CSRF token; a POST without the right one is not carried out,
/// but what it held is offered to be sent again (`SessionPages.formExpired`).
struct CSRF: AsyncMiddleware {
    static let field = "_csrf"
    /// The largest form body read to find the token; an upload form needs more than the default.
    var maxBody = 256 * 1024

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .POST {
            // A large body arrives as a stream; the token is in it, so read it whole first.
            _ = try await request.body.collect(max: maxBody).get()
            let sent = try? request.content.get(String.self, at: CSRF.field)
            guard let expected = request.session.data["csrf"], let sent,
                  Data(sent.utf8).count == Data(expected.utf8).count,
                  zip(sent.utf8, expected.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else {
                return try await SessionPages.formExpired(request)
            }
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    /// The session's CSRF token, made on first use.
    var csrfToken: String {
        if let token = session.data["csrf"] { return token }
        let token = [UInt8].random(count: 24).base64
        session.data["csrf"] = token
        return token
    }
}
