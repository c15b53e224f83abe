import Testing
@testable import WijknetCore

@Suite struct ZRMTests {
    let today = CalendarDate("2026-03-01")!

    func levels(_ value: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: LifeDomain.allCases.map { ($0.rawValue, value) })
    }

    @Test func everyDomainIsScoredOrNotAssessedWithAReason() throws {
        var input = ZRMAssessmentInput(date: "2026-02-20", levels: levels("3"))
        input.levels?["justice"] = "na"
        input.reasons = ["justice": "Niet besproken in het eerste gesprek"]
        input.notes = ["finances": "Schulden in beeld bij schuldhulp"]
        let valid = try input.validate(today: today)
        #expect(valid.entries.count == 13)
        #expect(valid.entries[.justice] == .notAssessed(reason: "Niet besproken in het eerste gesprek"))
        #expect(valid.entries[.finances] == .scored(level: 3, note: "Schulden in beeld bij schuldhulp"))
    }

    @Test func aMissingLevelOrReasonIsNamedPerDomain() {
        var input = ZRMAssessmentInput(date: "2026-03-02", levels: levels("4"))
        input.levels?["housing"] = "6"
        input.levels?["justice"] = "na"
        do {
            _ = try input.validate(today: today)
            Issue.record("accepted")
        } catch {
            #expect(error.errors.map(\.field) == ["date", "levels.housing", "reasons.justice"])
        }
        #expect(ZRMLevel.name(1) == "Acute problematiek" && ZRMLevel.name(5) == "Volledig zelfredzaam")
    }
}
