import Foundation

/// What the learner gave for a question.
public enum QuizResponse: Hashable, Sendable {
    /// The index of a multiple-choice option.
    case option(Int)
    /// "myth" (true) or "fact" (false).
    case myth(Bool)
    /// Free text, for cloze and typed questions.
    case text(String)
}

/// One answered question, as the store keeps it: progress is keyed by the card id.
public struct QuizAnswer: Hashable, Sendable, Codable {
    public var cardId: String
    public var mode: QuizMode
    public var correct: Bool
    public var date: Date
    /// The learner said "I was right" over the grader's verdict, or graded themself.
    public var selfGraded: Bool

    public init(cardId: String, mode: QuizMode, correct: Bool, date: Date, selfGraded: Bool = false) {
        self.cardId = cardId
        self.mode = mode
        self.correct = correct
        self.date = date
        self.selfGraded = selfGraded
    }
}

/// What to show after an answer: right or wrong, the right answer, why, and the sources.
public struct QuizFeedback: Hashable, Sendable {
    /// nil when the learner must grade themself (no keywords or cloze to compare with).
    public var correct: Bool?
    public var expected: LocalizedText
    /// The chosen option's `why`, the myth's correction, or the card's answer and detail.
    public var explanation: LocalizedText?
    public var sources: [Source]
    /// For typed answers graded by keywords.
    public var keywords: AnswerGrader.TypedGrade?
}

/// One topic's score.
public struct TopicScore: Hashable, Sendable {
    public var topic: String
    public var correct: Int
    public var answered: Int
}

/// A quiz in progress: grades responses, keeps one result per question, and summarizes.
public struct QuizSession: Sendable {
    public let questions: [QuizQuestion]
    /// The answer recorded for each question, nil while unanswered.
    public private(set) var answers: [QuizAnswer?]

    public init(questions: [QuizQuestion]) {
        self.questions = questions
        answers = Array(repeating: nil, count: questions.count)
    }

    /// Grades `response` to question `index` and records it, unless the learner must grade
    /// themself (then call `settle`).
    @discardableResult
    public mutating func submit(_ response: QuizResponse, to index: Int, at date: Date) -> QuizFeedback {
        let feedback = Self.grade(response, questions[index])
        if let correct = feedback.correct {
            answers[index] = QuizAnswer(cardId: questions[index].card.id, mode: questions[index].mode, correct: correct, date: date)
        }
        return feedback
    }

    /// Records the learner's own verdict: after a self-graded reveal, or "I was right".
    public mutating func settle(_ index: Int, correct: Bool, at date: Date) {
        answers[index] = QuizAnswer(cardId: questions[index].card.id, mode: questions[index].mode,
                                    correct: correct, date: date, selfGraded: true)
    }

    /// Pure grading of one response.
    public static func grade(_ response: QuizResponse, _ q: QuizQuestion) -> QuizFeedback {
        let card = q.card
        let cardExplanation = card.detail.map { d in
            LocalizedText(zh: card.a.zh + "\n" + d.zh, en: card.a.en + "\n" + d.en)
        } ?? card.a
        var f = QuizFeedback(correct: false, expected: q.expected, explanation: nil, sources: card.sources, keywords: nil)
        switch (q.content, response) {
        case let (.multipleChoice(options, correct), .option(i)):
            f.correct = i == correct
            let why = options.indices.contains(i) && i != correct ? options[i].why : nil
            // A short option text says only the gist: the full answer then follows the why.
            if card.short == nil {
                f.explanation = why ?? card.detail
            } else {
                f.explanation = why.map { LocalizedText(zh: $0.zh + "\n" + card.a.zh, en: $0.en + "\n" + card.a.en) } ?? card.a
            }
        case let (.mythOrFact(_, isMyth, explanation), .myth(said)):
            f.correct = said == isMyth
            f.explanation = explanation
        case let (.cloze(_, answer), .text(t)):
            f.correct = AnswerGrader.gradeCloze(t, expected: answer)
            f.explanation = cardExplanation
        case let (.typed, .text(t)):
            let g = AnswerGrader.gradeTyped(t, card: card)
            f.keywords = card.keywords.isEmpty ? nil : g
            f.correct = g.verdict == .selfGrade ? nil : g.verdict == .correct
            f.explanation = card.detail
        default:
            f.explanation = cardExplanation
        }
        return f
    }

    /// The recorded answers, in question order.
    public var results: [QuizAnswer] { answers.compactMap { $0 } }

    /// Correct and answered counts per topic, topics in the order they were first asked.
    public var scoreByTopic: [TopicScore] {
        var order: [String] = [], scores: [String: TopicScore] = [:]
        for (q, a) in zip(questions, answers) {
            guard let a else { continue }
            if scores[q.card.topic] == nil {
                order.append(q.card.topic)
                scores[q.card.topic] = TopicScore(topic: q.card.topic, correct: 0, answered: 0)
            }
            scores[q.card.topic]!.answered += 1
            if a.correct { scores[q.card.topic]!.correct += 1 }
        }
        return order.map { scores[$0]! }
    }

    /// The questions answered wrongly, in quiz order.
    public var missed: [QuizQuestion] {
        zip(questions, answers).compactMap { q, a in a?.correct == false ? q : nil }
    }
}
