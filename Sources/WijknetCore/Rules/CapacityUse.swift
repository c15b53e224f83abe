/// A core partner's capacity in a network, as the chair sees it in the meeting (seed 001: partners
/// make capacity available): the hours per week agreed in the membership against the hours of
/// the assignments with that partner in the network that run on the day.
public struct CapacityUse: Sendable, Equatable {
    /// Nil when the membership names no capacity.
    public let agreedHours: Double?
    public let runningHours: Double

    public init(agreedHours: Double?, runningHours: Double) {
        self.agreedHours = agreedHours
        self.runningHours = runningHours
    }

    /// Running against agreed: 1.0 is exactly the agreement.
    public var share: Double? {
        guard let agreedHours, agreedHours > 0 else { return nil }
        return runningHours / agreedHours
    }

    /// More hours running than agreed: the chair sees a warning.
    public var isOver: Bool { (share ?? 0) > 1 }

    /// The hours of the assignments that run on `day` (started on or before it, not ended before it).
    public static func runningHours(on day: CalendarDate, _ assignments: [(start: CalendarDate, end: CalendarDate?, hoursPerWeek: Double)]) -> Double {
        assignments.filter { $0.start <= day && ($0.end.map { $0 >= day } ?? true) }.reduce(0) { $0 + $1.hoursPerWeek }
    }
}
