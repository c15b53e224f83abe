import WijknetCore

/// One budget line of a year: its budget, what is committed and spent on it, and staff's
/// forecast for the year's end. `opgave` is nil for a line of the programme as a whole.
public struct FinanceLine: Hashable, Sendable {
    public var year: Int
    public var opgave: Int?
    public var kind: BudgetKind
    /// The Iv3 taakveld the line is booked on (`6.1`, `0.4`), as the financial system names it.
    public var taakveld: String
    public var budget: Money
    public var committed: Money
    public var spent: Money
    public var forecast: Money?

    public init(year: Int, opgave: Int?, kind: BudgetKind, taakveld: String, budget: Money, committed: Money = .zero, spent: Money = .zero, forecast: Money? = nil) {
        self.year = year
        self.opgave = opgave
        self.kind = kind
        self.taakveld = taakveld
        self.budget = budget
        self.committed = committed
        self.spent = spent
        self.forecast = forecast
    }

    /// What is left to commit: budget less committed less spent (negative when overspent).
    public var remaining: Money? { budget.subtracting(committed).flatMap { $0.subtracting(spent) } }
}

/// The letter's finance table: the lines of a year and their totals, exact to the cent.
public struct FinanceTable: Sendable, Equatable {
    public let lines: [FinanceLine]
    public let budget: Money
    public let committed: Money
    public let spent: Money
    public let remaining: Money
    /// The sum of the forecasts; nil when a line has none (a partial sum would mislead).
    public let forecast: Money?

    /// Nil when a total does not fit in an amount (never a wrapped-around total).
    public init?(_ lines: [FinanceLine]) {
        guard let budget = Money.sum(lines.map(\.budget)), let committed = Money.sum(lines.map(\.committed)),
              let spent = Money.sum(lines.map(\.spent)), let remaining = Money.sum(lines.compactMap(\.remaining)),
              lines.allSatisfy({ $0.remaining != nil }) else { return nil }
        self.lines = lines.sorted { ($0.kind.rawValue, $0.opgave ?? 0, $0.taakveld) < ($1.kind.rawValue, $1.opgave ?? 0, $1.taakveld) }
        self.budget = budget
        self.committed = committed
        self.spent = spent
        self.remaining = remaining
        let forecasts = lines.compactMap(\.forecast)
        self.forecast = forecasts.count == lines.count ? Money.sum(forecasts) : nil
    }
}
