import Vapor
import WijknetCore
import WijknetStore

/// The query string of `GET /requests`; every value is checked, an unknown one is a 422.
struct RequestListQuery: Content {
    var areaId: String?
    var networkId: String?
    var status: String?
    var law: String?
    var route: String?
    var from: String?
    var to: String?
    var q: String?
    var residentId: String?
    /// "true": only requests with a welfare referral without a result yet.
    var openReferral: String?
    /// "true": only requests a partner declined, waiting for a new route.
    var declined: String?

    func filter() throws -> RequestFilter {
        var check = Checker()
        let area = check.optionalID(areaId, "areaId", label: "Gebied")
        let network = check.optionalID(networkId, "networkId", label: "Netwerk")
        let status = status.flatMap { $0.isEmpty ? nil : check.choice($0, "status", label: "Status", as: RequestStatus.self) }
        let law = law.flatMap { $0.isEmpty ? nil : check.choice($0, "law", label: "Wet", as: Law.self) }
        let route = route.flatMap { $0.isEmpty ? nil : check.choice($0, "route", label: "Route", as: WijknetCore.Route.self) }
        let from = check.optionalDate(from, "from", label: "Vanaf")
        let to = check.optionalDate(to, "to", label: "Tot en met")
        let text = check.optionalText(q, "q", label: "Zoekterm")
        let resident = check.optionalID(residentId, "residentId", label: "Inwoner")
        let referral = check.flag(openReferral, "openReferral", label: "Toeleiding zonder uitkomst")
        let declined = check.flag(declined, "declined", label: "Afgewezen door een partner")
        try check.finish()
        return RequestFilter(areaId: area, networkId: network, status: status, law: law, route: route, from: from, to: to, q: text,
                             residentId: resident, openReferral: referral, declined: declined)
    }
}

extension Checker {
    /// A yes/no filter as a query string writes it: "true", or "false" and empty for no.
    mutating func flag(_ value: String?, _ field: String, label: String) -> Bool {
        switch value ?? "" {
        case "", "false": return false
        case "true": return true
        default:
            fail(field, "\(label) is true of false.")
            return false
        }
    }
}
