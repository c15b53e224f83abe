import Testing
@testable import ProgrammeCore
@testable import WijknetCore

/// The programme's money (issue 17): exact to the cent, negative budgets and extra decimals refused.
@Suite struct FinanceTests {
    @Test func linesAddUpToTheTotalsToTheCent() throws {
        // Three lines of a third of a million: the cents do not vanish as they would in floating point.
        let lines = [333_333_33, 333_333_33, 333_333_34].enumerated().map { index, cents in
            FinanceLine(year: 2026, opgave: index + 1, kind: .execution, taakveld: "6.1", budget: Money(cents: Int64(cents)),
                        committed: Money(cents: 10), spent: Money(cents: 20_000_01), forecast: Money(cents: Int64(cents)))
        }
        let table = try #require(FinanceTable(lines))
        #expect(table.budget == Money(euros: 1_000_000))
        #expect(table.committed == Money(cents: 30))
        #expect(table.spent == Money(cents: 60_000_03))
        #expect(table.remaining == Money(cents: 1_000_000_00 - 30 - 60_000_03))
        #expect(table.forecast == Money(euros: 1_000_000))
        #expect(Money.sum(table.lines.compactMap(\.remaining)) == table.remaining)
        #expect(table.budget.formattedDutch == "€ 1.000.000,00")
        var partial = lines
        partial[0].forecast = nil
        #expect(FinanceTable(partial)?.forecast == nil, "no partial sum of forecasts")
        let huge = FinanceLine(year: 2026, opgave: nil, kind: .programme, taakveld: "0.4", budget: Money(cents: .max))
        #expect(FinanceTable([huge, huge]) == nil, "a total that would overflow is refused, never wrapped")
    }

    @Test func badLinesAreRefused() {
        let opgaven: Set<Int> = Set(1...7)
        do {
            _ = try FinanceLineInput(year: 2026, opgave: 9, kind: "execution", taakveld: "zes", budget: "-1.200.000,00", spent: "12,345")
                .validated(.dutch, opgaven: opgaven)
            Issue.record("accepted")
        } catch {
            #expect(error.message(for: "budget") == "Het budget kan niet negatief zijn.")
            #expect(error.message(for: "spent") == "De besteding heeft meer dan twee cijfers achter de komma; Wijknet rondt bedragen niet af.")
            #expect(error.message(for: "opgave") == "Opgave 9 hoort niet bij dit programma.")
            #expect(error.message(for: "taakveld") != nil)
        }
        let line = try? FinanceLineInput(year: 2026, opgave: nil, kind: "programme", taakveld: "0.4", budget: "1.000.000,00").validated(.dutch, opgaven: opgaven)
        #expect(line?.budget == Money(euros: 1_000_000) && line?.spent == .zero)
        let api = try? FinanceLineInput(year: 2026, opgave: 5, kind: "execution", taakveld: "6.1", budget: "1200000.00").validated(.point, opgaven: opgaven)
        #expect(api?.budget == Money(euros: 1_200_000))
    }
}
