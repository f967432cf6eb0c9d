/// The kinds of quiz question.
public enum QuizMode: String, CaseIterable, Sendable, Codable, Hashable {
    /// Pick the right answer among four.
    case multipleChoice = "mc"
    /// Is this statement a myth or a fact?
    case mythOrFact = "myth"
    /// Fill in the blanked-out `{{…}}` span.
    case cloze
    /// Answer in your own words; graded by keywords.
    case typed

    /// A short name for prompts and score tables.
    public var label: String {
        switch self {
        case .multipleChoice: return "multiple choice"
        case .mythOrFact: return "myth or fact"
        case .cloze: return "cloze"
        case .typed: return "typed answer"
        }
    }
}

/// One option of a multiple-choice question.
public struct QuizOption: Hashable, Sendable {
    public var text: LocalizedText
    /// Why a wrong option is wrong; nil for the right answer.
    public var why: LocalizedText?
    public var isCorrect: Bool
}

/// One question of a quiz, made from one card.
public struct QuizQuestion: Hashable, Sendable {
    public var card: Card
    public var content: Content

    /// What is asked and what counts as right.
    public enum Content: Hashable, Sendable {
        /// Four options, exactly one correct (at `correct`).
        case multipleChoice(options: [QuizOption], correct: Int)
        /// A claim to judge; `explanation` says why it is a myth or why it holds.
        case mythOrFact(statement: LocalizedText, isMyth: Bool, explanation: LocalizedText)
        /// The cloze text with one span blanked; `answer` is the span's content.
        case cloze(prompt: LocalizedText, answer: LocalizedText)
        /// The card's question, answered freely.
        case typed
    }

    public init(card: Card, content: Content) {
        self.card = card
        self.content = content
    }

    public var mode: QuizMode {
        switch content {
        case .multipleChoice: return .multipleChoice
        case .mythOrFact: return .mythOrFact
        case .cloze: return .cloze
        case .typed: return .typed
        }
    }

    /// The text shown as the question.
    public func prompt(in language: Language) -> String {
        switch content {
        case .multipleChoice, .typed: return card.q.text(in: language)
        case let .mythOrFact(statement, _, _): return statement.text(in: language)
        case let .cloze(prompt, _): return prompt.text(in: language)
        }
    }

    /// The right answer, as shown after answering.
    public var expected: LocalizedText {
        switch content {
        case let .multipleChoice(options, correct): return options[correct].text
        case let .mythOrFact(_, isMyth, _):
            return isMyth ? LocalizedText(zh: "误区", en: "myth") : LocalizedText(zh: "事实", en: "fact")
        case let .cloze(_, answer): return answer
        case .typed: return card.a
        }
    }
}
