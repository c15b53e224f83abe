import ProgrammeCore
import ProgrammeStore
import Vapor
import WijknetCore
import WijknetStore

/// `/api/v1/programmes`: the programme register of the Transformatie Sociaal Domein (issue 17),
/// kept by policy staff. A change to an opgave or milestone names the `version` it was made on;
/// a newer one gives 409.
enum ProgrammeAPI {
    static func register(_ api: APIRoutes) {
        api.on(.GET, .programmes, use: list)
        api.on(.POST, .programmes, use: create)
        api.on(.GET, .programme, use: show)
        api.on(.POST, .programmeOpgaven, use: addOpgave)
        api.on(.PATCH, .opgave, use: changeOpgave)
        api.on(.POST, .opgaveInitiatives, use: addInitiative)
        api.on(.POST, .initiativeMilestones, use: addMilestone)
        api.on(.PATCH, .milestone, use: changeMilestone)
    }

    struct NewProgramme: Decodable {
        var municipalityId: String?
    }

    struct Version: Decodable {
        var version: Int?
    }

    struct Day: Decodable {
        var on: String?
    }

    @Sendable static func list(req: Request) async throws -> [ProgrammeDTO] {
        try await req.programmeRegister().programmes().map { ProgrammeDTO($0, on: nil) }
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.editsProgramme)
        guard let municipality = try req.content.decode(NewProgramme.self).municipalityId.flatMap(UUID.init(uuidString:)) else {
            throw ValidationFailure("municipalityId", "Kies de gemeente van het programma.")
        }
        let id = try await req.programmeRegister().createProgramme(municipality: municipality, try req.content.decode(ProgrammeInput.self))
        return try await CreatedDTO(id: id).encodeResponse(status: .created, for: req)
    }

    /// The register with each opgave's status on `?on=` (a day; today when absent).
    @Sendable static func show(req: Request) async throws -> ProgrammeDTO {
        try req.authorise(CasePolicy.editsProgramme)
        let text = try req.query.decode(Day.self).on
        guard let day = text.map(CalendarDate.init) ?? .today() else {
            throw ValidationFailure("on", "De dag is geen geldige datum (gebruik jjjj-mm-dd).")
        }
        return ProgrammeDTO(try await req.programmeRegister().register(try req.id()), on: day)
    }

    @Sendable static func addOpgave(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.editsProgramme)
        let id = try await req.programmeRegister().addOpgave(to: try req.id(), try req.content.decode(OpgaveInput.self))
        return try await CreatedDTO(id: id).encodeResponse(status: .created, for: req)
    }

    @Sendable static func changeOpgave(req: Request) async throws -> HTTPStatus {
        try req.authorise(CasePolicy.editsProgramme)
        try await req.programmeRegister().updateOpgave(try req.id(), try req.content.decode(OpgaveInput.self),
                                                       version: try req.content.decode(Version.self).version)
        return .noContent
    }

    @Sendable static func addInitiative(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.editsProgramme)
        let id = try await req.programmeRegister().addInitiative(to: try req.id(), try req.content.decode(InitiativeInput.self))
        return try await CreatedDTO(id: id).encodeResponse(status: .created, for: req)
    }

    @Sendable static func addMilestone(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.editsProgramme)
        let id = try await req.programmeRegister().addMilestone(to: try req.id(), try req.content.decode(MilestoneInput.self), today: .today())
        return try await CreatedDTO(id: id).encodeResponse(status: .created, for: req)
    }

    @Sendable static func changeMilestone(req: Request) async throws -> HTTPStatus {
        try req.authorise(CasePolicy.editsProgramme)
        try await req.programmeRegister().updateMilestone(try req.id(), try req.content.decode(MilestoneInput.self),
                                                          version: try req.content.decode(Version.self).version, today: .today())
        return .noContent
    }
}
