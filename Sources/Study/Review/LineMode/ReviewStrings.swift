/// The line-mode review's own words in the learner's language (the first of `--lang`):
/// headers, prompts, confirmations and the summary. Card text comes from the cards.
struct ReviewStrings: Sendable {
    let language: Language

    private func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    private var stop: String { pick("。", ".") }

    func header(due: Int, new: Int, learning: Int) -> String {
        pick("复习：到期 \(due)，新卡 \(new)，学习中 \(learning)。回车显示答案，1–4 评分，u b s q。",
             "Review: \(due) due, \(new) new, \(learning) learning. Enter shows the answer, 1–4 rates, u b s q.")
    }

    func cramHeader(_ count: Int) -> String {
        pick("突击：\(count) 张卡，不改变复习安排。回车显示答案，1–4 评分，u b s q。",
             "Cram: \(count) cards; the schedule is not changed. Enter shows the answer, 1–4 rates, u b s q.")
    }

    func left(_ count: Int) -> String { pick("[剩 \(count)]", "[\(count) left]") }

    func stage(_ phase: CardPhase?) -> String {
        switch phase {
        case nil: return pick("新卡", "new")
        case .learning?: return pick("学习中", phase!.rawValue)
        case .review?: return pick("复习", phase!.rawValue)
        case .relearning?: return pick("重新学习", phase!.rawValue)
        }
    }

    /// The label before the question and answer text in the first language, e.g. "Q: ".
    func label(question: Bool) -> String {
        question ? pick("问：", "Q: ") : pick("答：", "A: ")
    }

    var questionKeys: String {
        pick("（回车：显示答案 · u 撤销 · b 搁置 · s 暂停 · q 退出）",
             "(Enter: show answer · u undo · b bury · s suspend · q quit)")
    }

    var buried: String { pick("已搁置到明天。", "Buried until tomorrow.") }

    var suspended: String { pick("已暂停。", "Suspended.") }

    func name(_ rating: Rating) -> String {
        switch rating {
        case .again: return pick("重来", "again")
        case .hard: return pick("困难", "hard")
        case .good: return pick("良好", "good")
        case .easy: return pick("简单", "easy")
        }
    }

    func saved(_ rating: Rating, next: String?) -> String {
        pick("已保存：\(name(rating))", "Saved: \(name(rating))")
            + (next.map { pick("，\($0) 后再见", ", next in \($0)") } ?? "") + stop
    }

    func leech(_ id: String, lapses: Int) -> String {
        pick("\(id) 成了难记卡（遗忘 \(lapses) 次）：已暂停。请改写这张卡或删掉它；`dojo cards unsuspend \(id)` 可恢复。",
             "\(id) is a leech (\(lapses.counted("lapse"))): it is suspended. Rewrite the card or drop it; `dojo cards unsuspend \(id)` brings it back.")
    }

    var ratingKeys: String {
        pick("请输入 1（重来）、2（困难）、3（良好）、4（简单）、u、b、s 或 q。",
             "Type 1 (again), 2 (hard), 3 (good), 4 (easy), u, b, s or q.")
    }

    func undone(_ id: String) -> String { pick("已撤销：\(id) 上的最后一个操作。", "Undone: the last action on \(id).") }

    var nothingToUndo: String { pick("没有可撤销的操作。", "Nothing to undo.") }

    func rated(_ s: SessionSummary) -> String {
        let counts = Rating.allCases.map { "\(name($0)) \(s.count(of: $0))" }
        return pick("已评 \(s.answered) 张（\(counts.joined(separator: "，"))）；新卡 \(s.newCards) 张。",
                    "Rated \(s.answered) (\(counts.joined(separator: ", "))); \(s.newCards) new.")
    }

    func buriedAndSuspended(_ buried: Int, _ suspended: Int) -> String {
        pick("搁置 \(buried) 张，暂停 \(suspended) 张。", "Buried \(buried), suspended \(suspended).")
    }

    func leeches(_ ids: [String]) -> String {
        pick("难记卡（已暂停）：", "Leeches (suspended): ") + ids.joined(separator: ", ") + stop
    }

    func leftToCram(_ count: Int) -> String { pick("剩余：突击 \(count) 张", "Left: \(count) to cram") }

    func leftScheduled(due: Int, new: Int, learning: Int) -> String {
        pick("剩余：到期 \(due)，新卡 \(new)，学习中 \(learning)", "Left: \(due) due, \(new) new, \(learning) learning")
    }

    func nextLearning(in interval: String) -> String {
        pick("（下一张学习卡 \(interval) 后到期）", " (next learning card in \(interval))")
    }

    var end: String { stop }

    var nothingLeft: String { pick("暂时没有剩下的卡片。", "Nothing left for now.") }
}
