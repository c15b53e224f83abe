import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetWeb

/// A browser-like session for page tests: keeps the session cookie and the form's CSRF token.
final class PageSession: @unchecked Sendable {
    let app: Application
    /// The session cookie, `wijknet-sessie=…`.
    var cookie: String?
    /// Any other cookie the site set (single sign-on's), by name.
    var otherCookies: [String: String] = [:]
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
        let all = (cookie.map { [$0] } ?? []) + otherCookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        if !all.isEmpty { headers.add(name: .cookie, value: all.joined(separator: "; ")) }
        return headers
    }

    private func remember(_ res: TestingHTTPResponse) {
        for set in res.headers[.setCookie] {
            guard let pair = set.split(separator: ";").first, let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals]), value = String(pair[pair.index(after: equals)...])
            if name == "wijknet-sessie" { cookie = String(pair) } else { otherCookies[name] = value.isEmpty ? nil : value }
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
