import Testing
@testable import WijknetCore

@Suite struct BSNTests {
    @Test func acceptsNumbersThatPassTheElevenTest() {
        #expect(BSN("999990019") != nil)
        #expect(BSN("111222333") != nil)
        #expect(BSN("9999.90.019")?.digits == "999990019")
    }

    @Test func rejectsNumbersThatFailTheElevenTest() {
        #expect(BSN("123456789") == nil)
        #expect(BSN("999990018") == nil)
        #expect(BSN("000000000") == nil)
        #expect(BSN("12345") == nil)
        #expect(BSN("abcdefghi") == nil)
    }

    @Test func descriptionNeverShowsTheNumber() {
        let bsn = BSN("999990019")!
        #expect(!"\(bsn)".contains("99999"))
        #expect(bsn.masked == "******019")
    }
}
