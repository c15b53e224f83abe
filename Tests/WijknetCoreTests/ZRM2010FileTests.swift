import Testing
@testable import WijknetCore

/// Reading a file of ZRM 2010 assessments: every line checked, levels kept as 2010 levels.
@Suite struct ZRM2010FileTests {
    let today = CalendarDate("2026-11-23")!
    let header = "bsn;datum;financien;dagbesteding;huisvesting;huiselijke_relaties;geestelijke_gezondheid;lichamelijke_gezondheid;verslaving;adl;sociaal_netwerk;maatschappelijke_participatie;justitie"

    @Test func aValidFileKeepsEveryLevelAsItWas() {
        let text = """
        \(header)
        111222333;2019-03-04;2;3;4;5;1;2;3;4;5;1;2
        123456782;4-3-2019;1;;na;-;5;5;5;5;5;5;5
        """
        let (rows, problems) = ZRM2010File.check(text, today: today)
        #expect(problems.isEmpty)
        #expect(rows.count == 2)
        #expect(rows[0].bsn.digits == "111222333" && rows[0].date == CalendarDate("2019-03-04"))
        #expect(rows[0].levels[.finances] == 2 && rows[0].levels[.dayActivities] == 3 && rows[0].levels[.justice] == 2)
        #expect(rows[0].levels.count == 11)
        // Empty, "na" and "-" are "not assessed": kept as such, never guessed.
        #expect(rows[1].levels[.dayActivities] == .some(nil) && rows[1].levels[.housing] == .some(nil)
                && rows[1].levels[.domesticRelations] == .some(nil))
        #expect(rows[1].date == CalendarDate("2019-03-04"))
    }

    @Test func everyBadLineIsReportedWithoutItsBSNAndNothingIsReturned() {
        let text = """
        \(header)
        111222334;2019-03-04;2;3;4;5;1;2;3;4;5;1;2
        111222333;2027-01-01;6;3;4;5;1;2;3;4;5;1;x
        111222333;2019-03-04;2;3;4;5;1;2;3;4;5;1;2
        111222333;04-03-2019;2;3;4;5;1;2;3;4;5;1;2
        123456782;2019-05-01;;;;;;;;;;;
        """
        let (rows, problems) = ZRM2010File.check(text, today: today)
        #expect(rows.isEmpty, "one bad line refuses the whole file")
        #expect(problems.map { "\($0.line) \($0.column)" } == ["2 bsn", "3 datum", "3 financien", "3 justitie", "5 datum", "6 "])
        #expect(problems[4].message.contains("regel 4"))
        #expect(!problems.contains { $0.message.contains("111222") }, "a problem never repeats a BSN")
    }

    @Test func aFileWithoutItsColumnsOrLinesIsOneProblem() {
        let missing = ZRM2010File.check("bsn;datum;financien\n111222333;2019-03-04;2", today: today).problems
        #expect(missing.count == 1 && missing[0].column.hasPrefix("dagbesteding"))
        #expect(ZRM2010File.check(header, today: today).problems.first?.message == "Het bestand heeft alleen een kopregel.")
        #expect(ZRM2010File.check("", today: today).problems.first?.message == "Het bestand is leeg.")
    }

    @Test func everyColumnNamesOneDomainOnce() {
        #expect(Set(ZRM2010Domain.allCases.map(\.column)).count == 11)
        #expect(ZRM2010File.columns.count == 13)
    }
}
