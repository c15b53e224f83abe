import Vapor
import WijknetCore
import WijknetStore

/// The agenda as both the API and the page show it, pseudonymised where consent is missing.
struct AgendaView {
    let meeting: WijknetStore.Meeting
    let network: WijknetStore.Network
    let items: [AgendaItem]
    let today: CalendarDate

    static func load(_ req: Request, id: UUID) async throws -> AgendaView {
        let agenda = try await req.meetingService().agenda(id)
        return AgendaView(meeting: agenda.meeting, network: agenda.network, items: agenda.items, today: .today())
    }

    func entries() throws -> [AgendaItemDTO] {
        try items.map { item in
            let request = item.request
            let birth = CalendarDate(request.resident.birthDate) ?? today
            return AgendaItemDTO(id: try item.requireID(), requestId: try request.requireID(),
                                 residentName: request.consentForMeeting ? request.resident.fullName : nil,
                                 ageBand: AgeBand.of(birthDate: birth, on: today), districtName: request.district.name,
                                 law: request.law, urgency: request.urgency, lifeDomains: request.lifeDomains,
                                 status: request.status, version: request.version, decided: item.decidedAt != nil)
        }
    }

}
