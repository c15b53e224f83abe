import Foundation
import Testing
@testable import WijknetCore

/// Amounts are exact (issue 17): parsed without rounding, summed without overflow, shown in Dutch.
@Suite struct MoneyTests {
    @Test func dutchAndPointNotationsGiveTheSameCents() throws {
        #expect(try Money.parse("€ 1.200.000,00", .dutch).get() == Money(euros: 1_200_000))
        #expect(try Money.parse("1200000,5", .dutch).get() == Money(cents: 120_000_050))
        #expect(try Money.parse("1200000.50", .point).get() == Money(cents: 120_000_050))
        #expect(try Money.parse("-12,50", .dutch).get() == Money(cents: -1_250))
        #expect(try Money.parse("0,01", .dutch).get() == Money(cents: 1))
        #expect(try Money.parse("1.200", .dutch).get() == Money(euros: 1_200), "a dot between groups of three is a thousands separator")
    }

    @Test func whatWouldHaveToBeRoundedOrGuessedIsRefused() {
        #expect(Money.parse("12,345", .dutch) == .failure(.tooManyDecimals))
        #expect(Money.parse("12.345", .point) == .failure(.tooManyDecimals))
        for text in ["", "-", "€", "1,2,3", "12.34,5.6", "1.20,00", "12,", "abc", "1 200", "1e6", "12.5", "+5"] {
            #expect(Money.parse(text, .dutch) == .failure(.notAnAmount), "\(text)")
        }
        #expect(Money.parse("1.200,00", .point) == .failure(.notAnAmount), "no thousands separator in point notation")
        #expect(Money.parse("100000000000", .point) == .failure(.tooLarge))
        #expect(Money.parse("99999999999.99", .point) == .success(Money(cents: 9_999_999_999_999)))
        #expect(Money.parse(String(repeating: "9", count: 40), .point) == .failure(.tooLarge), "never an overflow")
        #expect(Money.parse("000000000000000000001", .point) == .success(Money(euros: 1)), "leading zeros are not size")
    }

    @Test func sumsAreExactAndRefuseToOverflow() {
        let lines = Array(repeating: Money(cents: 10), count: 10)   // 0.10 ten times: 1.00 exactly, never 0.9999
        #expect(Money.sum(lines) == Money(euros: 1))
        #expect(Money(cents: .max).adding(Money(cents: 1)) == nil)
        #expect(Money(cents: .min).subtracting(Money(cents: 1)) == nil)
        #expect(Money(euros: 5).subtracting(Money(cents: 750)) == Money(cents: -250))
    }

    @Test func shownAsDutchReadersWriteIt() {
        #expect(Money(euros: 1_200_000).formattedDutch == "€ 1.200.000,00")
        #expect(Money(cents: -1_250).formattedDutch == "€ -12,50")
        #expect(Money(cents: 5).formattedDutch == "€ 0,05")
        #expect(Money(euros: 999).formattedDutch == "€ 999,00")
        #expect(Money(cents: 100_005).plain == "1000.05")
    }

    @Test func jsonCarriesAStringWithADecimalPoint() throws {
        let data = try JSONEncoder().encode(["budget": Money(cents: 120_000_050)])
        #expect(String(decoding: data, as: UTF8.self) == #"{"budget":"1200000.50"}"#)
        #expect(try JSONDecoder().decode([String: Money].self, from: data)["budget"] == Money(cents: 120_000_050))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([String: Money].self, from: Data(#"{"b":"1.005"}"#.utf8)) }
    }
}
