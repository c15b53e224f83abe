import Foundation
import ProgrammeCore
import WijknetCore

/// A programme's register as read: its opgaven, their initiatives and milestones in order, each
/// with the version a change must name.
public struct RegisterView: Sendable {
    public struct MilestoneRow: Sendable {
        public let id: UUID
        public let version: Int
        public let milestone: Milestone
    }

    public struct InitiativeRow: Sendable {
        public let id: UUID
        public let version: Int
        public let title: String
        public let owner: String?
        public let start: CalendarDate
        public let end: CalendarDate?
        public let status: InitiativeStatus
        public let links: [ProgrammeLink]
        public let milestones: [MilestoneRow]
    }

    public struct OpgaveRow: Sendable {
        public let id: UUID
        public let version: Int
        public let number: Int
        public let name: String
        public let goal: String
        public let portfolioHolder: String?
        public let official: String?
        public let initiatives: [InitiativeRow]

        /// Every milestone of the opgave's initiatives, for the progress rule.
        public var milestones: [Milestone] { initiatives.flatMap { $0.milestones.map(\.milestone) } }
    }

    public let id: UUID
    public let municipalityID: UUID
    public let name: String
    public let span: ReportingPeriod
    public let owner: String?
    public let opgaven: [OpgaveRow]
}
