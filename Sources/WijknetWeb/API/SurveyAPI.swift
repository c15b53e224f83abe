import Vapor
import WijknetCore
import WijknetStore

/// `/api/v1/survey`: the collaboration survey (track 2), as the pages offer it.
enum SurveyAPI {
    static func register(_ api: APIRoutes) {
        api.on(.GET, .surveyQuestions, use: questions)
        api.on(.POST, .surveyQuestions, use: addQuestion)
        api.on(.POST, .surveyQuestionDeactivate, use: deactivate)
        api.on(.GET, .surveyRounds, use: rounds)
        api.on(.POST, .surveyRounds, use: openRound)
        api.on(.GET, .surveyRound, use: round)
        api.on(.POST, .surveyRoundClose, use: closeRound)
        api.on(.POST, .surveyRoundResponses, use: respond)
        api.on(.GET, .surveyRoundResults, use: results)
    }

    struct QuestionDTO: Content {
        let id: UUID
        let text: String
        let kind: SurveyQuestionKind
        let active: Bool
        init(_ q: SurveyQuestion) throws { id = try q.requireID(); text = q.text; kind = q.kind; active = q.active }
    }

    struct RoundDTO: Content {
        let id: UUID
        let quarter: String
        let openedOn: String
        let closedOn: String?
        let questions: [QuestionDTO]?
        init(_ r: SurveyRound, questions: [SurveyQuestion]? = nil) throws {
            id = try r.requireID(); quarter = r.quarter; openedOn = r.openedOn; closedOn = r.closedOn
            self.questions = try questions?.map(QuestionDTO.init)
        }
    }

    struct LikertDTO: Content {
        let networkId: UUID?
        let responses: Int?
        let mean: Double?
        let distribution: [Int?]?
        let suppressed: Bool
        init(network: UUID?, _ r: LikertResult) {
            networkId = network
            responses = DisclosureControl.council.count(r.responses).value
            mean = r.mean.value
            distribution = r.distribution
            suppressed = r.distribution == nil || r.mean.isSuppressed
        }
    }

    struct QuestionResultDTO: Content {
        let question: QuestionDTO
        let all: LikertDTO?
        let perNetwork: [LikertDTO]
        let openAnswers: [String]?
    }

    struct ResultsDTO: Content {
        let round: RoundDTO
        let responses: Int?
        let questions: [QuestionResultDTO]
    }

    struct RoundBody: Content { var quarter: String? }

    @Sendable static func questions(req: Request) async throws -> [QuestionDTO] {
        try await req.surveyService().questions().map(QuestionDTO.init)
    }

    @Sendable static func addQuestion(req: Request) async throws -> Response {
        let service = try req.surveyService()
        try req.authorise(CasePolicy.managesSurvey)
        let question = try await service.addQuestion(try req.content.decode(SurveyQuestionInput.self))
        return try await QuestionDTO(question).encodeResponse(status: .created, for: req)
    }

    @Sendable static func deactivate(req: Request) async throws -> QuestionDTO {
        try QuestionDTO(try await req.surveyService().deactivate(try req.id()))
    }

    @Sendable static func rounds(req: Request) async throws -> [RoundDTO] {
        try await req.surveyService().rounds().map { try RoundDTO($0) }
    }

    @Sendable static func openRound(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.managesSurvey)
        let text = try req.content.decode(RoundBody.self).quarter
        guard let quarter = text.flatMap(ReportingPeriod.init) else {
            throw ValidationFailure("quarter", "Kies een kwartaal, bijvoorbeeld 2026Q1.")
        }
        let round = try await req.surveyService().openRound(quarter)
        return try await RoundDTO(round).encodeResponse(status: .created, for: req)
    }

    @Sendable static func round(req: Request) async throws -> RoundDTO {
        let (round, questions) = try await req.surveyService().round(try req.id())
        return try RoundDTO(round, questions: questions)
    }

    @Sendable static func closeRound(req: Request) async throws -> RoundDTO {
        try RoundDTO(try await req.surveyService().closeRound(try req.id()))
    }

    @Sendable static func respond(req: Request) async throws -> HTTPStatus {
        let service = try req.surveyService()
        _ = try await service.networks()
        try await service.respond(try req.id(), try req.content.decode(SurveyResponseInput.self))
        return .created
    }

    @Sendable static func results(req: Request) async throws -> ResultsDTO {
        let r = try await req.surveyService().results(try req.id())
        return ResultsDTO(round: try RoundDTO(r.round), responses: r.responses.value, questions: try r.questions.map { q in
            QuestionResultDTO(question: try QuestionDTO(q.question), all: q.all.map { LikertDTO(network: nil, $0) },
                              perNetwork: q.perNetwork.map { LikertDTO(network: $0.network.id, $0.result) }, openAnswers: q.openAnswers)
        })
    }
}
