import Foundation

/// The coach's choice of route after intake.
public struct RouteInput: Codable, Sendable {
    public var route: String?
    /// For the direct route: the partner the coach contacts.
    public var partnerId: String?

    public init(route: String? = nil, partnerId: String? = nil) {
        self.route = route
        self.partnerId = partnerId
    }

    public func validate() throws(ValidationFailure) -> ValidRoute {
        var check = Checker()
        let route = check.choice(route, "route", label: "Route", as: Route.self)
        var partner: UUID?
        if route == .direct {
            partner = check.id(partnerId, "partnerId", label: "Partner")
        }
        try check.finish()
        return ValidRoute(route: route!, partnerID: partner)
    }
}

public struct ValidRoute: Sendable {
    public let route: Route
    public let partnerID: UUID?
}
