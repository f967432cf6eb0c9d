import Foundation
import Study

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

    /// Runs `session` over `cards` (by id) until it ends or the learner quits; prints a summary.
    @discardableResult
    public func run(_ session: inout RecordedReviewSession, cards: [String: Card]) throws -> SessionSummary {
        say(header(session.session))
        while let candidate = session.nextCard(at: now()) {
            guard let card = cards[candidate.id] else { break }
            if try turn(card, &session) == .quit { break }
        }
        say()
        for line in summary(session.session, calendar: session.calendar) { say(line) }
        return session.session.summary
    }

    private func turn(_ card: Card, _ session: inout RecordedReviewSession) throws -> Turn {
        let shownAt = now()
        let progress = session.session.progress(of: card.id)
        say()
        say("[\(session.session.remaining.total) left] \(card.topic) · \(stage(progress)) · \(card.id)")
        say(text("Q", card.q))
        say("(Enter: show answer · u undo · b bury · s suspend · q quit)")
        guard let first = readLine() else { return .quit }
        switch first.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "q": return .quit
        case "u": try undo(&session); return .next
        case "b": try session.bury(card.id, at: now()); say("Buried until tomorrow."); return .next
        case "s": try session.suspend(card.id); say("Suspended."); return .next
        default: break
        }
        // The rating is dated when the answer was shown, so it gives exactly the intervals
        // printed (fuzz is seeded by the review time).
        let revealedAt = now()
        say(text("A", card.a))
        say(ratingLine(session.session, card.id, at: revealedAt))
        while true {
            guard let line = readLine() else { return .quit }
            let input = line.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if let value = Int(input), let rating = Rating(rawValue: value) {
                let at = revealedAt
                let ms = Int((now().timeIntervalSince(shownAt) * 1000).rounded())
                let record = try session.rate(card.id, rating, at: at, durationMilliseconds: ms)
                let due = record.after?.schedule?.due
                say("Saved: \(name(rating))" + (due.map { ", next in \(IntervalText.describe(from: at, to: $0))" } ?? "") + ".")
                if record.madeLeech {
                    say("\(card.id) is a leech (\(record.after?.lapses ?? 0) lapses): it is suspended. Rewrite the card or drop it.")
                }
                return .next
            }
            switch input {
            case "q": return .quit
            case "u": try undo(&session); return .next
            case "b": try session.bury(card.id, at: now()); say("Buried until tomorrow."); return .next
            case "s": try session.suspend(card.id); say("Suspended."); return .next
            default: say("Type 1 (again), 2 (hard), 3 (good), 4 (easy), u, b, s or q.")
            }
        }
    }

    private func undo(_ session: inout RecordedReviewSession) throws {
        if let step = try session.undo() {
            say("Undone: the last action on \(step.cardID).")
        } else {
            say("Nothing to undo.")
        }
    }

    private func header(_ s: ReviewSession) -> String {
        let r = s.remaining
        if s.mode == .cram {
            return "Cram: \(r.cram) cards; the schedule is not changed. Enter shows the answer, 1–4 rates, u b s q."
        }
        return "Review: \(r.reviews) due, \(r.newCards) new, \(r.learning) learning. Enter shows the answer, 1–4 rates, u b s q."
    }

    private func stage(_ p: CardProgress) -> String {
        p.schedule?.phase.rawValue ?? "new"
    }

    private func text(_ label: String, _ t: LocalizedText) -> String {
        let pad = String(repeating: " ", count: label.count + 2)
        return languages.enumerated().map { i, lang in
            (i == 0 ? "\(label): " : pad) + t.text(in: lang)
        }.joined(separator: "\n")
    }

    private func ratingLine(_ s: ReviewSession, _ id: String, at now: Date) -> String {
        let preview = s.mode == .scheduled ? s.preview(id, at: now) : [:]
        let buttons = Rating.allCases.map { rating in
            "\(rating.rawValue) \(name(rating))" + (preview[rating].map { " " + IntervalText.describe(from: now, to: $0.due) } ?? "")
        }
        return buttons.joined(separator: " · ") + " · u b s q"
    }

    private func name(_ rating: Rating) -> String {
        switch rating {
        case .again: return "again"
        case .hard: return "hard"
        case .good: return "good"
        case .easy: return "easy"
        }
    }

    /// The closing lines: what was rated, what is left, when learning cards come back.
    func summary(_ s: ReviewSession, calendar: StudyCalendar) -> [String] {
        let sum = s.summary
        var lines = [
            "Rated \(sum.answered) (again \(sum.count(of: .again)), hard \(sum.count(of: .hard)), good \(sum.count(of: .good)), easy \(sum.count(of: .easy))); \(sum.newCards) new."
        ]
        if !sum.buried.isEmpty || !sum.suspended.isEmpty {
            lines.append("Buried \(sum.buried.count), suspended \(sum.suspended.count).")
        }
        if !sum.leeches.isEmpty {
            lines.append("Leeches (suspended): \(sum.leeches.joined(separator: ", ")).")
        }
        let r = s.remaining
        if r.total > 0 {
            var left = s.mode == .cram ? "Left: \(r.cram) to cram" : "Left: \(r.reviews) due, \(r.newCards) new, \(r.learning) learning"
            if let due = s.nextLearningDue, s.mode == .scheduled {
                left += " (next learning card in \(IntervalText.describe(from: now(), to: due)))"
            }
            lines.append(left + ".")
        } else {
            lines.append("Nothing left for now.")
        }
        return lines
    }
}
