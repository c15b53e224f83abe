import Testing
@testable import WijknetCore

@Suite struct RetentionPolicyTests {
    let d = { (s: String) in CalendarDate(s)! }
    let policy = RetentionPolicy.standard

    @Test func theTermRunsFromTheEndOfTheSupportAndDependsOnTheLaw() {
        let wmo = RetentionFacts(closedOn: d("2025-06-30"), assignments: [.init(law: .wmo, end: d("2025-12-31"))])
        #expect(policy.erasableFrom(wmo) == d("2040-12-31"), "15 years after the assignment ended, not after closing")
        let both = RetentionFacts(closedOn: d("2025-06-30"), assignments: [.init(law: .wmo, end: d("2025-03-31")), .init(law: .jeugd, end: d("2025-05-31"))])
        #expect(policy.erasableFrom(both) == d("2045-06-30"), "the longest term, from the last day of support")
        let welfare = RetentionFacts(closedOn: d("2025-02-01"), assignments: [], referralDates: [d("2025-03-01")])
        #expect(policy.erasableFrom(welfare) == d("2030-03-01"), "without care: 5 years")
    }

    @Test func openRequestsAndCareWithoutAnEndAreKept() {
        #expect(policy.erasableFrom(RetentionFacts(closedOn: nil, assignments: [])) == nil)
        #expect(policy.erasableFrom(RetentionFacts(closedOn: d("2025-01-01"), assignments: [.init(law: .wmo, end: nil)])) == nil)
    }

    @Test func aResidentIsErasableWhenAllTheirRequestsAre() {
        let old = RetentionFacts(closedOn: d("2010-01-01"), assignments: [])
        let recent = RetentionFacts(closedOn: d("2024-01-01"), assignments: [])
        #expect(policy.erasableFrom(requests: [old, recent], registered: d("2009-05-01")) == d("2029-01-01"))
        #expect(policy.erasableFrom(requests: [old, RetentionFacts(closedOn: nil, assignments: [])], registered: d("2009-05-01")) == nil)
        #expect(policy.erasableFrom(requests: [], registered: d("2020-02-29")) == d("2025-02-28"), "no requests: 5 years after registering")
    }
}
