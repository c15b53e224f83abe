import WijknetCore

/// A motion the council adopted (`motie`) or a promise the college made to it (`toezegging`).
public enum CommitmentKind: String, CaseIterable, Codable, Sendable {
    case motion
    case promise

    public var dutch: String {
        switch self {
        case .motion: "Motie"
        case .promise: "Toezegging"
        }
    }
}

/// Where a motion or promise stands.
public enum CommitmentStatus: String, CaseIterable, Codable, Sendable {
    case open
    case answered
    case withdrawn

    public var dutch: String {
        switch self {
        case .open: "Open"
        case .answered: "Afgedaan"
        case .withdrawn: "Vervallen"
        }
    }
}

/// A motion or promise, with what was promised and when it is due.
public struct CouncilCommitment: Hashable, Sendable {
    public var kind: CommitmentKind
    /// `25M156` for a motion (two digits of the year, M, three digits); a promise's own reference.
    public var number: String
    public var title: String
    public var adopted: CalendarDate
    public var due: CalendarDate?
    public var status: CommitmentStatus

    public init(kind: CommitmentKind, number: String, title: String, adopted: CalendarDate, due: CalendarDate?, status: CommitmentStatus) {
        self.kind = kind
        self.number = number
        self.title = title
        self.adopted = adopted
        self.due = due
        self.status = status
    }

    /// Whether `number` is written as the council's motions are: `25M156`.
    public static func isMotionNumber(_ number: String) -> Bool {
        let characters = Array(number)
        return characters.count == 6 && characters[2] == "M"
            && (characters[0...1] + characters[3...5]).allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Open and past its due date on `day`.
    public func isOverdue(on day: CalendarDate) -> Bool {
        status == .open && (due.map { $0 < day } ?? false)
    }

    /// Open and due within `quarter`, or overdue by its last day: the letter's "wat speelt dit kwartaal".
    public func isDue(in quarter: ReportingPeriod) -> Bool {
        status == .open && (due.map { $0 <= quarter.last } ?? false)
    }
}
