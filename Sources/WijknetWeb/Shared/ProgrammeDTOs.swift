import Foundation
import ProgrammeCore
import ProgrammeStore
import Vapor
import WijknetCore

/// The programme register in JSON (issue 17), with each opgave's status by the progress rule on
/// the day asked for.
struct ProgrammeDTO: Content {
    let id: UUID
    let municipalityId: UUID
    let name: String
    let firstDay: CalendarDate
    let lastDay: CalendarDate
    let owner: String?
    /// Absent in the list of programmes.
    let opgaven: [OpgaveDTO]?

    init(_ view: RegisterView, on day: CalendarDate?) {
        id = view.id
        municipalityId = view.municipalityID
        name = view.name
        firstDay = view.span.first
        lastDay = view.span.last
        owner = view.owner
        opgaven = day.map { day in view.opgaven.map { OpgaveDTO($0, on: day) } }
    }
}

struct OpgaveDTO: Content {
    let id: UUID
    let version: Int
    let number: Int
    let name: String
    let goal: String
    let portfolioHolder: String?
    let official: String?
    let status: ProgressStatus
    /// The facts behind `status`, in Dutch.
    let statusReasons: [String]
    let initiatives: [InitiativeDTO]

    init(_ row: RegisterView.OpgaveRow, on day: CalendarDate) {
        id = row.id
        version = row.version
        number = row.number
        name = row.name
        goal = row.goal
        portfolioHolder = row.portfolioHolder
        official = row.official
        (status, statusReasons) = ProgressRule.assess(milestones: row.milestones, keyIndicators: [], on: day)
        initiatives = row.initiatives.map { InitiativeDTO($0, on: day) }
    }
}

struct InitiativeDTO: Content {
    let id: UUID
    let version: Int
    let title: String
    let owner: String?
    let start: CalendarDate
    let end: CalendarDate?
    let status: InitiativeStatus
    let links: [ProgrammeLink]
    let milestones: [MilestoneDTO]

    init(_ row: RegisterView.InitiativeRow, on day: CalendarDate) {
        id = row.id
        version = row.version
        title = row.title
        owner = row.owner
        start = row.start
        end = row.end
        status = row.status
        links = row.links
        milestones = row.milestones.map { MilestoneDTO($0, on: day) }
    }
}

struct MilestoneDTO: Content {
    let id: UUID
    let version: Int
    let title: String
    /// `2026-06-30` or `2026Q3`.
    let planned: String
    let reached: CalendarDate?
    let reported: MilestoneState
    /// The state on the day asked for: late once its date passed unreached.
    let state: MilestoneState
    let lateReason: String?

    init(_ row: RegisterView.MilestoneRow, on day: CalendarDate) {
        id = row.id
        version = row.version
        title = row.milestone.title
        planned = row.milestone.planned.text
        reached = row.milestone.reached
        reported = row.milestone.reported
        state = row.milestone.state(on: day)
        lateReason = row.milestone.lateReason
    }
}

/// The id of what was made.
struct CreatedDTO: Content {
    let id: UUID
}
