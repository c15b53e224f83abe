import Foundation
import WijknetStore

/// "Vorige · Pagina 2 van 80 · Volgende" under a long list, with the list's filters kept in the links.
enum Pagination {
    static func nav<Item>(_ page: ResultPage<Item>, path: String, query values: [String: String]) -> Markup {
        nav(page) { n in
            var query = values
            query["page"] = String(n)
            return "\(path)?\(queryString(query))"
        }
    }

    /// For a list whose filters are already a query string (`FigureQueryInput.queryString`).
    static func nav<Item>(_ page: ResultPage<Item>, path: String, queryString: String) -> Markup {
        nav(page) { n in "\(path)?\(queryString)\(queryString.isEmpty ? "" : "&")page=\(n)" }
    }

    private static func nav<Item>(_ page: ResultPage<Item>, address: (Int) -> String) -> Markup {
        guard page.page > 1 || page.hasNext else { return .empty }
        func link(_ n: Int, _ label: String, rel: String) -> Markup {
            "<a rel=\"\(rel)\" href=\"\(address(n))\">\(label)</a>"
        }
        let previous: Markup = page.page > 1 ? link(page.page - 1, "Vorige", rel: "prev") : .empty
        let next: Markup = page.hasNext ? link(page.page + 1, "Volgende", rel: "next") : .empty
        let of = page.totalIsExact ? " van \(page.pageCount.formattedDutch)" : ""
        return "<nav class=\"pagination\" aria-label=\"Paginering\">\(previous) <span>Pagina \(page.page.formattedDutch)\(of)</span> \(next)</nav>"
    }

    /// The values as a query string, sorted by name, each value percent-encoded.
    static func queryString(_ values: [String: String]) -> String {
        let plain = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+?/"))
        return values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: plain) ?? "")" }.joined(separator: "&")
    }
}
