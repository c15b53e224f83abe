import Testing
@testable import WijknetCore

@Suite struct PagingTests {
    @Test func absentMeansTheFirstPageOfTheStandardSize() throws {
        let paging = try Paging.check(page: nil, perPage: "")
        #expect(paging == Paging.first)
        #expect(paging.offset == 0)
    }

    @Test func theOffsetFollowsThePage() throws {
        #expect(try Paging.check(page: "3", perPage: "20").offset == 40)
        #expect(try Paging.check(page: String(Paging.maxPage), perPage: String(Limits.maxPageSize)).offset == (Paging.maxPage - 1) * Limits.maxPageSize)
    }

    /// A page near Int.max made the offset overflow and stopped the server; nothing is adjusted
    /// silently either (perPage 0 or page -5 used to become 1).
    @Test(arguments: [("9223372036854775807", "25"), ("-9223372036854775808", "25"), ("99999999999999999999", "25"), ("0", "25"),
                      ("-5", "25"), ("1.5", "25"), ("twee", "25"), ("100001", "25"), ("1", "0"), ("1", "201"), ("1", "9223372036854775807")])
    func outOfRangeIsRefusedWithADutchMessage(page: String, perPage: String) {
        #expect(throws: ValidationFailure.self) { try Paging.check(page: page, perPage: perPage) }
        do {
            _ = try Paging.check(page: page, perPage: perPage)
        } catch {
            #expect(error.errors.allSatisfy { $0.message.contains("moet een geheel getal van 1 tot en met") })
        }
    }
}
