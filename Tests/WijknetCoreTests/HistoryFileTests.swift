import Testing
@testable import WijknetCore

@Suite struct HistoryFileTests {
    let references = HistoryFile.References(productLaws: ["wmo-bb": .wmo, "jz-sb": .jeugd], providers: ["zorg aan huis 1", "jeugdhulp 2"],
                                            districts: ["WK020201", "WK020202"])
    let header = "bron_id;wet;productcode;aanbieder;wijkcode;start;einde;uren_per_week;soort"

    @Test func csvReadsQuotesSeparatorsAndLineEnds() {
        let records = CSVReader.records("\u{FEFF}a,b\r\n\"x, \"\"y\"\"\",2\n\n\"multi\nline\",3\n")
        #expect(records == [.init(line: 1, fields: ["a", "b"]), .init(line: 2, fields: ["x, \"y\"", "2"]), .init(line: 4, fields: ["multi\nline", "3"])])
        #expect(CSVReader.records("a;b\n1,5;2").last?.fields == ["1,5", "2"], "the header decides the separator")
    }

    @Test func aValidFileGivesEveryRow() {
        let text = """
        \(header)
        A-1;wmo;WMO-BB;Zorg aan Huis 1;wk020201;2024-02-01;2024-07-31;2,5;eerste
        A-2;Jeugd;jz-sb;Jeugdhulp 2;WK020202;1-8-2024;;6;verlenging
        """
        let (rows, problems) = HistoryFile.check(text, references: references)
        #expect(problems.isEmpty)
        #expect(rows.count == 2)
        #expect(rows[0].hoursPerWeek == 2.5 && rows[0].districtCode == "WK020201" && rows[0].end == CalendarDate("2024-07-31"))
        #expect(rows[1].law == .jeugd && rows[1].start == CalendarDate("2024-08-01") && rows[1].end == nil && rows[1].kind == .renewal)
    }

    @Test func everyBadRowIsReportedAndNothingIsReturned() {
        let text = """
        \(header)
        A-1;wmo;WMO-BB;Zorg aan Huis 1;WK020201;2024-02-01;2024-01-31;0;eerste
        A-1;wmo;JZ-SB;Onbekend BV;WK999999;31-02-2024;;x;nieuw
        A-3;wmo;WMO-BB;Zorg aan Huis 1;WK020201;2024-02-01;;3;eerste
        """
        let (rows, problems) = HistoryFile.check(text, references: references)
        #expect(rows.isEmpty, "one bad row refuses the whole file")
        #expect(problems.map { "\($0.line) \($0.column)" } == [
            "2 einde", "2 uren_per_week",
            "3 bron_id", "3 productcode", "3 aanbieder", "3 wijkcode", "3 start", "3 uren_per_week", "3 soort",
        ])
        #expect(problems[2].message == "bron_id A-1 staat ook al op regel 2.")
        #expect(problems[3].message.contains("hoort bij de Jeugd"))
    }

    @Test func aMissingColumnOrAnEmptyFileIsOneClearProblem() {
        let missing = HistoryFile.check("bron_id;wet\n1;wmo", references: references).problems
        #expect(missing.count == 1 && missing[0].message.contains("productcode, aanbieder, wijkcode"))
        #expect(HistoryFile.check("", references: references).problems.first?.message == "Het bestand is leeg.")
        #expect(HistoryFile.check(header, references: references).problems.first?.message == "Het bestand heeft alleen een kopregel.")
    }
}
