import Fluent
import Vapor
import WijknetStore

/// Reads the signed-in user from the session and signs out sessions that were idle too long.
/// An ended session keeps its id (the next form needs a token) but nothing of the user; the
/// request remembers who it was, so the sign-in form can offer the same name.
struct SessionUser: AsyncMiddleware {
    let idleMinutes: Int

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let raw = request.session.data["uid"], let id = UUID(uuidString: raw) {
            let lastSeen = request.session.data["seen"].flatMap(Double.init) ?? 0
            let now = Date().timeIntervalSince1970
            let user = try await User.find(id, on: request.db)
            if now - lastSeen > Double(idleMinutes * 60) {
                request.session.data = SessionData()
                request.endedSession = EndedSession(username: user?.username)
            } else if let user, !user.isActive {
                // Deactivated: every session of the account ends at its next request.
                request.session.data = SessionData()
            } else if let user {
                request.currentUser = user
                request.session.data["seen"] = String(Int(now))
            }
        }
        return try await next.respond(to: request)
    }
}

/// Who was signed in on a session that just ended for being idle.
struct EndedSession {
    let username: String?
}

private struct EndedSessionKey: StorageKey {
    typealias Value = EndedSession
}

extension Request {
    var endedSession: EndedSession? {
        get { storage[EndedSessionKey.self] }
        set { storage[EndedSessionKey.self] = newValue }
    }
}

/// Sends visitors who are not signed in to the login page, which brings them back here after.
struct RequireSignIn: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.currentUser != nil else {
            guard request.method == .GET, request.url.path != SiteURL.home.path,
                  let back = ReturnPath(request.url.path + (request.url.query.map { "?" + $0 } ?? "")) else {
                return request.redirect(to: SiteURL.login.path)
            }
            let plain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-._~")
            let value = back.path.addingPercentEncoding(withAllowedCharacters: plain) ?? ""
            return request.redirect(to: "\(SiteURL.login.path)?\(SessionPages.Carry.backField)=\(value)")
        }
        return try await next.respond(to: request)
    }
}
