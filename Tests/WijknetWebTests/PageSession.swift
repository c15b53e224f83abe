import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetWeb

/// A browser-like session for page tests: keeps the session cookie and the form's CSRF token.
final class PageSession: @unchecked Sendable {
    let app: Application
    var cookie: String?
    var csrf = ""

    init(_ app: Application) { self.app = app }

    /// Signs in through the login form.
    static func signIn(_ app: Application, as username: String, password: String = DemoPassword.value) async throws -> PageSession {
        let session = PageSession(app)
        _ = try await session.get("/inloggen")
        let res = try await session.post("/inloggen", ["username": username, "password": password])
        #expect(res.status == .seeOther, "sign-in as \(username)")
        // Follow the redirect, as a browser does: signing in issued a new form token.
        _ = try await session.get("/")
        return session
    }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.GET, path, headers: headers()) { res in
            self.remember(res)
            result = res
        }
        return result!
    }

    @discardableResult
    func post(_ path: String, _ form: [String: String], csrf: String? = nil, lists: [String: [String]] = [:]) async throws -> TestingHTTPResponse {
        var fields = form.map { ($0.key, $0.value) }
        fields.append((CSRF.field, csrf ?? self.csrf))
        for (name, values) in lists { fields += values.map { ("\(name)[]", $0) } }
        let body = fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        var headers = headers()
        headers.contentType = .urlEncodedForm
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: body)) { res in
            self.remember(res)
            result = res
        }
        return result!
    }

    /// What the browser says about where a request came from; a form on our own page is `same-origin`.
    var fetchSite = "same-origin"

    private func headers() -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: "Sec-Fetch-Site", value: fetchSite)
        if let cookie { headers.add(name: .cookie, value: cookie) }
        return headers
    }

    private func remember(_ res: TestingHTTPResponse) {
        if let set = res.headers.first(name: .setCookie), let pair = set.split(separator: ";").first {
            cookie = String(pair)
        }
        let html = res.body.string
        if let range = html.range(of: "name=\"_csrf\" value=\""), let end = html[range.upperBound...].firstIndex(of: "\"") {
            csrf = String(html[range.upperBound..<end])
        }
    }

    private func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s
    }
}
