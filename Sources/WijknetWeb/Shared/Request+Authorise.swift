import Vapor
import WijknetCore
import WijknetStore

extension Request {
    /// Asks the core policy (`CasePolicy`) whether the signed-in user's role may use this page or
    /// route at all; the one "forbidden" error (`StoreError.forbidden`) when not. Per-record rules
    /// are the services' to check.
    @discardableResult
    func authorise(_ rule: (Role) -> Bool) throws -> User {
        let user = try requireUser()
        guard rule(user.role) else { throw StoreError.forbidden }
        return user
    }
}
