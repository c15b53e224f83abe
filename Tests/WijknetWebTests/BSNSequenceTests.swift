import Testing
@testable import WijknetCore
@testable import WijknetStore

/// The demo's BSNs (found when the demo grew past the 900 numbers of the test range and hung).
@Suite struct BSNSequenceTests {
    @Test func moreThanTheTestRangeHoldsStayDistinctAndValid() {
        var sequence = BSNSequence()
        let numbers = (0..<2_000).map { _ in sequence.next().digits }
        #expect(Set(numbers).count == 2_000)
        #expect(numbers.allSatisfy { $0.count == 9 && BSN($0) != nil })
    }
}
