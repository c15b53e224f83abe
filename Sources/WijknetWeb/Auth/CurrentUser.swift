import Fluent
import Vapor
import WijknetCore
import WijknetStore

struct CurrentUserKey: StorageKey {
    typealias Value = User
}

extension Request {
    /// The signed-in user, set by `SessionUser` (pages) or `BearerUser` (API).
    var currentUser: User? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    func requireUser() throws -> User {
        guard let user = currentUser else { throw Abort(.unauthorized, reason: "Log eerst in.") }
        return user
    }

    /// The user as the domain rules see them.
    func actor() throws -> Actor {
        let user = try requireUser()
        return Actor(userID: try user.requireID(), username: user.username, role: user.role, organisationID: user.$organisation.id, areaID: user.$area.id)
    }

    /// Page or API, for the audit log.
    var auditChannel: AuditChannel { url.path.hasPrefix(APIPath.root) ? .api : .page }
}
