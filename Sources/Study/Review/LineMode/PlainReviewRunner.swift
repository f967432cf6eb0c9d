import Foundation

/// Runs a review session as plain lines (`dojo review --plain`): the question, Enter for the
/// answer, then 1–4 to rate (each with the interval it would give), `u` undo, `b` bury,
/// `s` suspend, `q` quit. End of input quits cleanly. Every rating is saved before the next
/// card is printed, so killing the process loses nothing already rated.
public struct PlainReviewRunner {
    /// The languages to show, in order (one, or both for `--lang both`).
    public var languages: [Language]
    public var readLine: () -> String?
    public var write: (String) -> Void
    public var now: () -> Date

    public init(
        languages: [Language], readLine: @escaping () -> String?, write: @escaping (String) -> Void,
        now: @escaping () -> Date = Date.init
    ) {
        self.languages = languages.isEmpty ? [.en] : languages
        self.readLine = readLine
        self.write = write
        self.now = now
    }

    private enum Turn { case next, quit }

    private func say(_ line: String = "") { write(line + "\n") }
    /// Labels follow the first language shown (zh for `--lang both`).
    private var words: ReviewStrings { ReviewStrings(language: languages[0]) }

    /// Runs `session` over `cards` (by id) until it ends or the learner quits; prints a summary.
    @discardableResult
    public func run(_ session: inout some PersistentReviewSession, cards: [String: Card]) throws -> SessionSummary {
        say(header(session.session))
        while let candidate = session.session.nextCard(at: now()) {
            guard let card = cards[candidate.id] else { break }
            if try turn(card, &session) == .quit { break }
        }
        say()
        for line in summary(session.session, calendar: session.calendar) { say(line) }
        return session.session.summary
    }

    private func turn(_ card: Card, _ session: inout some PersistentReviewSession) throws -> Turn {
        let shownAt = now()
        let progress = session.session.progress(of: card.id)
        say()
        say("\(words.left(session.session.remaining.total)) \(card.topic) · \(words.stage(progress.schedule?.phase)) · \(card.id)")
        say(text(question: true, card.q))
        say(words.questionKeys)
        guard let first = readLine() else { return .quit }
        switch first.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "q": return .quit
        case "u": try undo(&session); return .next
        case "b": try session.bury(card.id, at: now()); say(words.buried); return .next
        case "s": try session.suspend(card.id); say(words.suspended); return .next
        default: break
        }
        // The rating is dated when the answer was shown, so it gives exactly the intervals
        // printed (fuzz is seeded by the review time).
        let revealedAt = now()
        say(text(question: false, card.a))
        say(ratingLine(session.session, card.id, at: revealedAt))
        while true {
            guard let line = readLine() else { return .quit }
            let input = line.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if let value = Int(input), let rating = Rating(rawValue: value) {
                let at = revealedAt
                let ms = Int((now().timeIntervalSince(shownAt) * 1000).rounded())
                let record = try session.rate(card.id, rating, at: at, durationMilliseconds: ms)
                let due = record.after?.schedule?.due
                say(words.saved(rating, next: due.map { IntervalText.describe(from: at, to: $0) }))
                if record.madeLeech {
                    say(words.leech(card.id, lapses: record.after?.lapses ?? 0))
                }
                return .next
            }
            switch input {
            case "q": return .quit
            case "u": try undo(&session); return .next
            case "b": try session.bury(card.id, at: now()); say(words.buried); return .next
            case "s": try session.suspend(card.id); say(words.suspended); return .next
            default: say(words.ratingKeys)
            }
        }
    }

    private func undo(_ session: inout some PersistentReviewSession) throws {
        if let step = try session.undo() {
            say(words.undone(step.cardID))
        } else {
            say(words.nothingToUndo)
        }
    }

    private func header(_ s: ReviewSession) -> String {
        let r = s.remaining
        if s.mode == .cram {
            return words.cramHeader(r.cram)
        }
        return words.header(due: r.reviews, new: r.newCards, learning: r.learning)
    }

    /// The question or answer in each language, the later ones indented under the first.
    private func text(question: Bool, _ t: LocalizedText) -> String {
        let label = words.label(question: question)
        let pad = String(repeating: " ", count: label.unicodeScalars.map { $0.value < 0x1100 ? 1 : 2 }.reduce(0, +))
        return languages.enumerated().map { i, lang in
            (i == 0 ? label : pad) + t.text(in: lang)
        }.joined(separator: "\n")
    }

    private func ratingLine(_ s: ReviewSession, _ id: String, at now: Date) -> String {
        let preview = s.mode == .scheduled ? s.preview(id, at: now) : [:]
        let buttons = Rating.allCases.map { rating in
            "\(rating.rawValue) \(words.name(rating))" + (preview[rating].map { " " + IntervalText.describe(from: now, to: $0.due) } ?? "")
        }
        return buttons.joined(separator: " · ") + " · u b s q"
    }

    /// The closing lines: what was rated, what is left, when learning cards come back.
    func summary(_ s: ReviewSession, calendar: StudyCalendar) -> [String] {
        let sum = s.summary
        var lines = [words.rated(sum)]
        if !sum.buried.isEmpty || !sum.suspended.isEmpty {
            lines.append(words.buriedAndSuspended(sum.buried.count, sum.suspended.count))
        }
        if !sum.leeches.isEmpty {
            lines.append(words.leeches(sum.leeches))
        }
        let r = s.remaining
        if r.total > 0 {
            var left = s.mode == .cram ? words.leftToCram(r.cram) : words.leftScheduled(due: r.reviews, new: r.newCards, learning: r.learning)
            if let due = s.nextLearningDue, s.mode == .scheduled {
                left += words.nextLearning(in: IntervalText.describe(from: now(), to: due))
            }
            lines.append(left + words.end)
        } else {
            lines.append(words.nothingLeft)
        }
        return lines
    }
}
