import Vapor
import WijknetCore

extension Request {
    /// The `page` and `perPage` query parameters, checked (422 with a Dutch message when out of range).
    func paging(defaultPerPage: Int = Limits.pageSize) throws -> Paging {
        try Paging.check(page: try? query.get(String.self, at: "page"), perPage: try? query.get(String.self, at: "perPage"),
                         defaultPerPage: defaultPerPage)
    }
}
