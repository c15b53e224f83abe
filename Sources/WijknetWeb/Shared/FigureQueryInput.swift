import Vapor
import WijknetCore
import WijknetStore

/// The dashboard's filters as the page's query string and the API send them: scope
/// (`municipalityId`, `areaId`, `networkId`), `law` and a period — `period` (`2026Q1`, `2026`) or
/// `from` and `to`. Without a period: the last complete quarter.
struct FigureQueryInput: Content {
    var municipalityId: String?
    var areaId: String?
    var networkId: String?
    var law: String?
    var period: String?
    var from: String?
    var to: String?

    static let names = ["municipalityId", "areaId", "networkId", "law", "period", "from", "to"]

    /// The filters present in the request's query string.
    static func values(of req: Request) -> [String: String] {
        var values: [String: String] = [:]
        for name in names { if let v = try? req.query.get(String.self, at: name), !v.isEmpty { values[name] = v } }
        return values
    }

    init(values: [String: String]) {
        municipalityId = values["municipalityId"]
        areaId = values["areaId"]
        networkId = values["networkId"]
        law = values["law"]
        period = values["period"]
        from = values["from"]
        to = values["to"]
    }

    static func lastCompleteQuarter(before today: CalendarDate = .today()) -> ReportingPeriod {
        ReportingPeriod.quarter(containing: ReportingPeriod.quarter(containing: today).first.adding(days: -1))
    }

    func query(today: CalendarDate = .today()) throws(ValidationFailure) -> FigureQuery {
        var check = Checker()
        let municipality = check.optionalID(municipalityId, "municipalityId", label: "Gemeente")
        let area = check.optionalID(areaId, "areaId", label: "Gebied")
        let network = check.optionalID(networkId, "networkId", label: "Netwerk")
        let law = law.flatMap { $0.isEmpty ? nil : check.choice($0, "law", label: "Wet", as: Law.self) }
        var period = Self.lastCompleteQuarter(before: today)
        let from = check.optionalDate(from, "from", label: "Vanaf")
        let to = check.optionalDate(to, "to", label: "Tot en met")
        if let text = self.period, !text.isEmpty {
            if let parsed = ReportingPeriod(text) { period = parsed } else {
                check.fail("period", "Periode is ongeldig: kies een kwartaal (2026Q1), een jaar (2026) of vul vanaf en tot en met in.")
            }
        } else if from != nil || to != nil {
            if let from, let to, let range = ReportingPeriod(first: from, last: to) {
                period = range
            } else if from == nil || to == nil {
                check.fail(from == nil ? "from" : "to", "Vul voor een eigen periode zowel vanaf als tot en met in.")
            } else {
                check.fail("to", "Tot en met ligt voor vanaf.")
            }
        }
        try check.finish()
        return FigureQuery(scope: FigureScope(municipalityId: municipality, areaId: area, networkId: network), law: law, period: period)
    }

    /// The query string that asks for `query` again, for links (drill-down, exports, other periods).
    static func queryString(_ query: FigureQuery, extra: [(String, String)] = []) -> String {
        var items: [(String, String)] = []
        if let id = query.scope.municipalityId { items.append(("municipalityId", id.uuidString)) }
        if let id = query.scope.areaId { items.append(("areaId", id.uuidString)) }
        if let id = query.scope.networkId { items.append(("networkId", id.uuidString)) }
        if let law = query.law { items.append(("law", law.rawValue)) }
        items.append(("period", query.period.description))
        return (items + extra).map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0.1)" }.joined(separator: "&")
    }
}

/// Dutch display of the figures' values: `66%`, `4,5`, `12`; suppressed as the word, never 0.
enum FigureFormat {
    static let suppressed = "afgeschermd"

    static func value(_ value: Disclosed<Double>, _ measure: FigureDefinition.Measure) -> String {
        guard let v = value.value else { return suppressed }
        return number(v, measure)
    }

    static func number(_ v: Double, _ measure: FigureDefinition.Measure) -> String {
        switch measure {
        case .share: return "\(Int((v * 100).rounded()))%"
        case .count, .counts, .days: return decimal(v, digits: 0)
        case .hours, .mean: return decimal(v, digits: 1)
        }
    }

    static func decimal(_ v: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", v).replacingOccurrences(of: ".", with: ",")
    }

    static func base(_ base: Int?) -> String { base.map(String.init) ?? suppressed }
}
