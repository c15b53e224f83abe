import Fluent
import Foundation
import WijknetCore

/// The collaboration survey (track 2): the analyst manages questions and opens a round per
/// quarter; network professionals answer once per round, anonymously; results per question, round
/// and network go through disclosure control.
public struct SurveyService: Sendable {
    let db: any Database
    let actor: Actor
    let today: CalendarDate

    public init(db: any Database, actor: Actor, today: CalendarDate = .today()) {
        self.db = db
        self.actor = actor
        self.today = today
    }

    private func requireManager() throws { guard CasePolicy.managesSurvey(actor.role) else { throw StoreError.forbidden } }

    // MARK: questions and rounds

    public func questions() async throws -> [SurveyQuestion] {
        try requireManager()
        return try await SurveyQuestion.query(on: db).sort(\.$createdAt).all()
    }

    public func addQuestion(_ input: SurveyQuestionInput) async throws -> SurveyQuestion {
        try requireManager()
        let valid = try validating { () throws(ValidationFailure) in try input.validate() }
        let question = SurveyQuestion(text: valid.text, kind: valid.kind)
        try await question.create(on: db)
        return question
    }

    /// The question is no longer asked in new rounds; earlier rounds keep it.
    public func deactivate(_ id: UUID) async throws -> SurveyQuestion {
        try requireManager()
        guard let question = try await SurveyQuestion.find(id, on: db) else { throw StoreError.notFound(what: "vraag") }
        question.active = false
        try await question.save(on: db)
        return question
    }

    /// Every round, newest first: for the manager, the professionals and the figure roles.
    public func rounds() async throws -> [SurveyRound] {
        guard CasePolicy.readsSurveyResults(actor.role) else { throw StoreError.forbidden }
        return try await SurveyRound.query(on: db).sort(\.$quarter, .descending).all()
    }

    /// Opens the round of a quarter with the questions active now.
    public func openRound(_ quarter: ReportingPeriod) async throws -> SurveyRound {
        try requireManager()
        guard quarter.isQuarter else { throw StoreError.invalid(ValidationFailure("quarter", "Een ronde hoort bij één kwartaal, bijvoorbeeld 2026Q1.")) }
        return try await db.transaction { db in
            if try await SurveyRound.query(on: db).filter(\.$quarter == quarter.description).first() != nil {
                throw StoreError.invalid(ValidationFailure("quarter", "Voor \(quarter.dutch) is al een ronde."))
            }
            let questions = try await SurveyQuestion.query(on: db).filter(\.$active == true).sort(\.$createdAt).all()
            guard !questions.isEmpty else {
                throw StoreError.invalid(ValidationFailure("quarter", "Er zijn geen actieve vragen; voeg eerst vragen toe."))
            }
            let round = SurveyRound(quarter: quarter, openedOn: today)
            try await round.create(on: db)
            for (position, question) in questions.enumerated() {
                try await SurveyRoundQuestion(roundID: try round.requireID(), questionID: try question.requireID(), position: position).create(on: db)
            }
            return round
        }
    }

    public func closeRound(_ id: UUID) async throws -> SurveyRound {
        try requireManager()
        let round = try await findRound(id)
        if round.isOpen {
            round.closedOn = today.description
            try await round.save(on: db)
        }
        return round
    }

    public func round(_ id: UUID) async throws -> (round: SurveyRound, questions: [SurveyQuestion]) {
        _ = try await rounds()
        let round = try await findRound(id)
        let links = try await SurveyRoundQuestion.query(on: db).filter(\.$round.$id == id).with(\.$question).sort(\.$position).all()
        return (round, links.map(\.question))
    }

    private func findRound(_ id: UUID) async throws -> SurveyRound {
        guard let round = try await SurveyRound.find(id, on: db) else { throw StoreError.notFound(what: "ronde") }
        return round
    }

    // MARK: answering

    /// The networks the actor may answer for.
    public func networks() async throws -> [Network] {
        guard CasePolicy.answersSurvey(actor.role) else { throw StoreError.forbidden }
        return try await MeetingService(db: db, actor: actor).networks(on: today)
    }

    public func hasAnswered(_ roundID: UUID) async throws -> Bool {
        try await answeredRounds().contains(roundID)
    }

    /// The rounds the actor has answered, in one query.
    public func answeredRounds() async throws -> Set<UUID> {
        Set(try await SurveyParticipation.query(on: db).filter(\.$user.$id == actor.userID).all().map { $0.$round.id })
    }

    /// Stores one anonymous response; a second one by the same person in the same round is refused.
    public func respond(_ roundID: UUID, _ input: SurveyResponseInput) async throws {
        let networks = try await networks()
        let (round, questions) = try await round(roundID)
        guard round.isOpen else { throw StoreError.notAllowed(message: "Deze ronde is gesloten.") }
        let valid = try validating { () throws(ValidationFailure) in try input.validate(questions: questions.map { ($0.id!, $0.kind) }) }
        guard networks.contains(where: { $0.id == valid.networkID }) else {
            throw StoreError.invalid(ValidationFailure("networkId", "Kies een netwerk waar je organisatie aan deelneemt."))
        }
        try await db.transaction { db in
            if try await SurveyParticipation.query(on: db).filter(\.$round.$id == roundID).filter(\.$user.$id == actor.userID).count() > 0 {
                throw StoreError.conflict(message: "Je hebt deze ronde al ingevuld; iedereen antwoordt één keer per ronde.")
            }
            try await SurveyParticipation(roundID: roundID, userID: actor.userID).create(on: db)
            let response = SurveyResponse(roundID: roundID, networkID: valid.networkID, submittedOn: today)
            try await response.create(on: db)
            for question in questions {
                let id = try question.requireID()
                let likert = valid.likert[id], text = valid.open[id]
                guard likert != nil || text != nil else { continue }
                try await SurveyAnswer(responseID: try response.requireID(), questionID: id, likert: likert, text: text).create(on: db)
            }
        }
    }

    // MARK: results

    public struct QuestionResult: Sendable {
        public let question: SurveyQuestion
        public let all: LikertResult?
        public let perNetwork: [(network: Network, result: LikertResult)]
        /// Open answers, sorted so their order tells nothing; only for the analyst, and only when
        /// the round has enough responses.
        public let openAnswers: [String]?
    }

    public struct Results: Sendable {
        public let round: SurveyRound
        public let responses: Disclosed<Int>
        public let responsesPerNetwork: [(network: Network, count: Disclosed<Int>)]
        public let questions: [QuestionResult]
    }

    public func results(_ roundID: UUID, control: DisclosureControl = .council) async throws -> Results {
        guard CasePolicy.seesFigures(actor.role) else { throw StoreError.forbidden }
        let (round, questions) = try await round(roundID)
        let responses = try await SurveyResponse.query(on: db).filter(\.$round.$id == roundID).all()
        let networkOf = Dictionary(uniqueKeysWithValues: responses.map { ($0.id!, $0.$network.id) })
        let answers = try await SurveyAnswer.query(on: db).filter(\.$response.$id ~~ responses.compactMap(\.id)).all()
        let networks = try await Network.query(on: db).filter(\.$id ~~ Set(networkOf.values)).sort(\.$name).all()
        let enough = control.count(responses.count).value != nil
        let results = try questions.map { question -> QuestionResult in
            let id = try question.requireID()
            let own = answers.filter { $0.$question.id == id }
            switch question.kind {
            case .likert:
                let values = own.compactMap { a in a.likert.map { (networkOf[a.$response.id]!, $0) } }
                return QuestionResult(question: question, all: .of(values.map(\.1), control: control),
                                      perNetwork: networks.map { n in (n, LikertResult.of(values.filter { $0.0 == n.id }.map(\.1), control: control)) },
                                      openAnswers: nil)
            case .open:
                let texts = CasePolicy.managesSurvey(actor.role) && enough ? own.compactMap(\.text).sorted() : nil
                return QuestionResult(question: question, all: nil, perNetwork: [], openAnswers: texts)
            }
        }
        return Results(round: round, responses: control.count(responses.count),
                       responsesPerNetwork: networks.map { n in (n, control.count(responses.filter { $0.$network.id == n.id }.count)) },
                       questions: results)
    }
}
