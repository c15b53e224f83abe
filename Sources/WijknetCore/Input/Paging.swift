/// Which page of a list to show, checked once so that no page number can make the offset
/// overflow (a trap that would stop the process) or be silently turned into another page.
public struct Paging: Sendable, Equatable {
    public let page: Int
    public let perPage: Int

    /// Far beyond any real list (the counts stop at `Limits.countCap`), and small enough that
    /// `(page - 1) * perPage` stays far from `Int.max`.
    public static let maxPage = 100_000

    public static let first = Paging(uncheckedPage: 1, perPage: Limits.pageSize)

    /// The number of rows to skip.
    public var offset: Int { (page - 1) * perPage }

    init(uncheckedPage page: Int, perPage: Int) {
        self.page = page
        self.perPage = perPage
    }

    /// Reads `page` and `perPage` as the user sent them (query parameters are text); absent means
    /// the first page and the standard page size. Anything else outside the range is refused.
    public static func check(page: String?, perPage: String?, defaultPerPage: Int = Limits.pageSize) throws(ValidationFailure) -> Paging {
        var check = Checker()
        let page = check.wholeNumber(page, "page", label: "Pagina", in: 1...maxPage) ?? 1
        let perPage = check.wholeNumber(perPage, "perPage", label: "Aantal per pagina", in: 1...Limits.maxPageSize) ?? defaultPerPage
        try check.finish()
        return Paging(uncheckedPage: page, perPage: perPage)
    }
}

extension Checker {
    /// An optional whole number within `range`: nil when absent, an error for anything else
    /// outside it (text, a fraction, a number too large for any integer type).
    public mutating func wholeNumber(_ value: String?, _ field: String, label: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        guard let number = Int(value), range.contains(number) else {
            fail(field, "\(label) moet een geheel getal van \(range.lowerBound.formattedDutch) tot en met \(range.upperBound.formattedDutch) zijn.")
            return nil
        }
        return number
    }
}
