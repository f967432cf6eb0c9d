import Foundation

/// Runs a quiz as plain lines: prompts out, answers in, so it works with pipes and scripts
/// (`dojo quiz --plain`). Answers: a letter or number for multiple choice, m/f for myth or
/// fact, free text for cloze and typed; `!` marks the previous answer right ("I was right");
/// `:q` (or `q` where no text is expected) stops. End of input stops too.
public struct PlainQuizRunner {
    public var language: Language
    public var readLine: () -> String?
    public var write: (String) -> Void
    public var now: () -> Date
    /// Called once per question with its final answer, as soon as it can no longer change
    /// (a wrong typed or cloze answer waits for the next input, which may be `!`), so the
    /// caller can store it before the next question. Returns the review the answer amounted
    /// to when quiz-affects-schedule rated the card, so a new leech is announced.
    public var record: (QuizAnswer) -> ReviewRecord?

    public init(language: Language, readLine: @escaping () -> String?, write: @escaping (String) -> Void,
                now: @escaping () -> Date = Date.init, record: @escaping (QuizAnswer) -> ReviewRecord? = { _ in nil }) {
        self.language = language
        self.readLine = readLine
        self.write = write
        self.now = now
        self.record = record
    }

    private func say(_ line: String = "") { write(line + "\n") }
    private var words: QuizStrings { QuizStrings(language: language) }
    private func t(_ text: LocalizedText) -> String { text.text(in: language) }

    /// Runs `questions`, prints the score per topic, and offers to retry the missed ones
    /// (again and again while some are missed). Returns every answer, retries included.
    public func run(_ questions: [QuizQuestion], generator: QuizGenerator, seed: UInt64) -> [QuizAnswer] {
        guard !questions.isEmpty else {
            say(words.noCards)
            return []
        }
        var all: [QuizAnswer] = []
        var round = questions, roundSeed = seed
        while true {
            say(words.start(count: round.count, seed: seed))
            let (session, finished) = ask(round)
            all += session.results
            printScore(session)
            let missed = session.missed
            guard finished, !missed.isEmpty else { break }
            say(words.retry(missed.count))
            guard let reply = readLine()?.trimmingSpaces.lowercased(), QuizStrings.yes.contains(reply) else { break }
            roundSeed &+= 1
            round = generator.retry(missed, seed: roundSeed)
        }
        return all
    }

    /// Asks each question; false when the learner quit or input ended early.
    private func ask(_ questions: [QuizQuestion]) -> (QuizSession, Bool) {
        var session = QuizSession(questions: questions)
        var lastWrong: Int?
        // Stores the pending overridable answer once the learner has moved on.
        func settlePending() {
            if let i = lastWrong, let a = session.answers[i] { store(a) }
            lastWrong = nil
        }
        for (i, q) in questions.enumerated() {
            say()
            say(words.heading(index: i + 1, of: questions.count, topic: q.card.topic, mode: q.mode, level: q.card.level))
            say(q.prompt(in: language))
            if case let .multipleChoice(options, _) = q.content {
                for (n, o) in options.enumerated() { say("  \(letter(n))) \(t(o.text))") }
            }
            say(hint(q))
            var response: QuizResponse?
            while response == nil {
                guard let line = readLine() else {
                    settlePending()
                    return (session, false)
                }
                let input = line.trimmingSpaces
                if input == "!" {
                    overrideLast(&session, lastWrong)
                    settlePending()
                    continue
                }
                settlePending()
                if input == ":q" || (input.lowercased() == "q" && !expectsText(q)) { return (session, false) }
                response = parse(input, for: q)
                if response == nil { say(hint(q)) }
            }
            let feedback = session.submit(response!, to: i, at: now())
            lastWrong = show(feedback, q, index: i, session: &session)
            if lastWrong == nil, let a = session.answers[i] { store(a) }
        }
        if let last = lastWrong {
            say(words.scoreOrOverride)
            if readLine()?.trimmingSpaces == "!" { overrideLast(&session, last) }
            settlePending()
        }
        return (session, true)
    }

    /// Hands a final answer to `record` and says so when the rating it made suspended a leech.
    private func store(_ answer: QuizAnswer) {
        guard let review = record(answer), review.madeLeech else { return }
        say(words.leech(answer.cardId, lapses: review.after?.lapses ?? 0))
    }

    private func overrideLast(_ session: inout QuizSession, _ index: Int?) {
        guard let index else {
            say(words.nothingToOverride)
            return
        }
        session.settle(index, correct: true, at: now())
        say(words.markedRight(index + 1))
    }

    /// Prints the verdict and explanation; returns the index when the answer was graded wrong
    /// and may be overridden.
    private func show(_ f: QuizFeedback, _ q: QuizQuestion, index: Int, session: inout QuizSession) -> Int? {
        var wrong: Int?
        switch f.correct {
        case true?:
            say(words.right)
        case false?:
            if case let .multipleChoice(_, correct) = q.content {
                say(words.wrong(answer: "\(letter(correct))) \(t(f.expected))"))
            } else {
                say(words.wrong(answer: t(f.expected)))
            }
            // Only lenient text grading can misjudge; choices and myth/fact are exact.
            if q.mode == .typed || q.mode == .cloze { wrong = index }
        case nil:
            say(words.answer(t(f.expected)))
            say(words.selfGrade)
            let yes = readLine().map { QuizStrings.yes.union(["!"]).contains($0.trimmingSpaces.lowercased()) } ?? false
            session.settle(index, correct: yes, at: now())
        }
        if let k = f.keywords {
            let found = k.matched.map { $0[0] }.joined(separator: ", ")
            let missing = k.missed.map { $0[0] }.joined(separator: ", ")
            say(words.keywords(
                matched: k.matched.count, of: k.matched.count + k.missed.count, needed: k.required,
                found: found, missing: missing))
        }
        if let e = f.explanation { say(words.why(t(e))) }
        for s in f.sources { say(words.source(s.citation)) }
        if wrong != nil { say(words.overrideHint) }
        return wrong
    }

    private func printScore(_ session: QuizSession) {
        say()
        say(words.scoreByTopic)
        var right = 0, total = 0
        for s in session.scoreByTopic {
            say("  \(s.topic): \(s.correct)/\(s.answered)")
            right += s.correct
            total += s.answered
        }
        say(words.total(right, total))
    }

    private func letter(_ n: Int) -> String { String(UnicodeScalar(UInt8(97 + n))) }

    private func expectsText(_ q: QuizQuestion) -> Bool { q.mode == .cloze || q.mode == .typed }

    private func hint(_ q: QuizQuestion) -> String {
        switch q.content {
        case let .multipleChoice(options, _): return words.chooseHint(last: letter(options.count - 1))
        case .mythOrFact: return words.mythHint
        case .cloze: return words.clozeHint
        case .typed: return words.typedHint
        }
    }

    /// The response in `input`, or nil when it does not fit the question.
    func parse(_ input: String, for q: QuizQuestion) -> QuizResponse? {
        let s = input.lowercased()
        switch q.content {
        case let .multipleChoice(options, _):
            if s.count == 1, let c = s.unicodeScalars.first, ("a"..."z").contains(c) {
                let n = Int(c.value) - 97
                return n < options.count ? .option(n) : nil
            }
            if let n = Int(s), (1...options.count).contains(n) { return .option(n - 1) }
            return nil
        case .mythOrFact:
            if ["m", "myth", "误", "误区", "假"].contains(s) { return .myth(true) }
            if ["f", "fact", "真", "事实", "对"].contains(s) { return .myth(false) }
            return nil
        case .cloze, .typed:
            return s.isEmpty ? nil : .text(input)
        }
    }
}
