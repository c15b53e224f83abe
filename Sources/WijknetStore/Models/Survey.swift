import Fluent
import Foundation
import WijknetCore

/// A question of the collaboration survey (track 2). Its text never changes once asked; a question
/// that should no longer be asked is made inactive, so earlier rounds keep what they asked.
public final class SurveyQuestion: Model, @unchecked Sendable {
    public static let schema = "survey_questions"

    @ID public var id: UUID?
    @Field(key: "text") public var text: String
    @Field(key: "kind") public var kind: SurveyQuestionKind
    @Field(key: "active") public var active: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(text: String, kind: SurveyQuestionKind) {
        self.text = text
        self.kind = kind
        self.active = true
    }
}

/// A round of the survey, one per quarter, with the questions that were active when it opened.
public final class SurveyRound: Model, @unchecked Sendable {
    public static let schema = "survey_rounds"

    @ID public var id: UUID?
    /// `2026Q1`.
    @Field(key: "quarter") public var quarter: String
    @Field(key: "opened_on") public var openedOn: String
    @OptionalField(key: "closed_on") public var closedOn: String?

    public init() {}

    public init(quarter: ReportingPeriod, openedOn: CalendarDate) {
        self.quarter = quarter.description
        self.openedOn = openedOn.description
    }

    public var isOpen: Bool { closedOn == nil }
}

/// Which questions a round asks, in order.
public final class SurveyRoundQuestion: Model, @unchecked Sendable {
    public static let schema = "survey_round_questions"

    @ID public var id: UUID?
    @Parent(key: "round_id") public var round: SurveyRound
    @Parent(key: "question_id") public var question: SurveyQuestion
    @Field(key: "position") public var position: Int

    public init() {}

    public init(roundID: UUID, questionID: UUID, position: Int) {
        self.$round.id = roundID
        self.$question.id = questionID
        self.position = position
    }
}

/// One anonymous response: the round, the network it is about and the day. Nothing links it to
/// the person; `SurveyParticipation` records only that they answered.
public final class SurveyResponse: Model, @unchecked Sendable {
    public static let schema = "survey_responses"

    @ID public var id: UUID?
    @Parent(key: "round_id") public var round: SurveyRound
    @Parent(key: "network_id") public var network: Network
    @Field(key: "submitted_on") public var submittedOn: String

    public init() {}

    public init(roundID: UUID, networkID: UUID, submittedOn: CalendarDate) {
        self.$round.id = roundID
        self.$network.id = networkID
        self.submittedOn = submittedOn.description
    }
}

public final class SurveyAnswer: Model, @unchecked Sendable {
    public static let schema = "survey_answers"

    @ID public var id: UUID?
    @Parent(key: "response_id") public var response: SurveyResponse
    @Parent(key: "question_id") public var question: SurveyQuestion
    @OptionalField(key: "likert") public var likert: Int?
    @OptionalField(key: "text") public var text: String?

    public init() {}

    public init(responseID: UUID, questionID: UUID, likert: Int?, text: String?) {
        self.$response.id = responseID
        self.$question.id = questionID
        self.likert = likert
        self.text = text
    }
}

/// That a user answered a round (one response per person per round), and nothing else.
public final class SurveyParticipation: Model, @unchecked Sendable {
    public static let schema = "survey_participations"

    @ID public var id: UUID?
    @Parent(key: "round_id") public var round: SurveyRound
    @Parent(key: "user_id") public var user: User

    public init() {}

    public init(roundID: UUID, userID: UUID) {
        self.$round.id = roundID
        self.$user.id = userID
    }
}
