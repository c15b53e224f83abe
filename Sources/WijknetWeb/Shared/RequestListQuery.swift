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
        var referral = false
        switch openReferral ?? "" {
        case "", "false": break
        case "true": referral = true
        default: check.fail("openReferral", "Toeleiding zonder uitkomst is true of false.")
        }
        try check.finish()
        return RequestFilter(areaId: area, networkId: network, status: status, law: law, route: route, from: from, to: to, q: text,
                             residentId: resident, openReferral: referral)
    }
}
