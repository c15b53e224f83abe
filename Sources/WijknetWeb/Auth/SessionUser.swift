import Fluent
import Vapor
import WijknetStore

/// Reads the signed-in user from the session and ends sessions that were idle too long.
struct SessionUser: AsyncMiddleware {
    let idleMinutes: Int

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let raw = request.session.data["uid"], let id = UUID(uuidString: raw) {
            let lastSeen = request.session.data["seen"].flatMap(Double.init) ?? 0
            let now = Date().timeIntervalSince1970
            if now - lastSeen > Double(idleMinutes * 60) {
                request.session.destroy()
            } else if let user = try await User.find(id, on: request.db) {
                request.currentUser = user
                request.session.data["seen"] = String(Int(now))
            }
        }
        return try await next.respond(to: request)
    }
}

/// Sends visitors who are not signed in to the login page.
struct RequireSignIn: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.currentUser != nil else {
            return request.redirect(to: SiteURL.login.path)
        }
        return try await next.respond(to: request)
    }
}
