/// The quiz runner's own words (labels, prompts, feedback, scores) in the quiz's language.
/// Card text comes from the cards; everything else a quiz prints comes from here, so a
/// Chinese quiz never mixes in English labels.
struct QuizStrings {
    let language: Language

    private func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    var noCards: String {
        pick("没有符合条件的卡片：换一个 --topic、--level 或 --mode 试试。",
             "No cards match: try another --topic, --level or --mode.")
    }

    func start(count: Int, seed: UInt64) -> String {
        pick("测验：\(count) 题（种子 \(seed)）。选择题输入字母，误区或事实输入 m/f，其余输入文字；! = 我答对了；:q 退出。",
             "Quiz: \(count.counted("question")) (seed \(seed)). Letters for choices, m/f for myth or fact, text otherwise; ! = I was right; :q quits.")
    }

    func retry(_ missed: Int) -> String {
        pick("重做答错的 \(missed) 题？(y/n)", "Retry the \(missed) you missed? (y/n)")
    }

    func heading(index: Int, of total: Int, topic: String, mode: QuizMode, level: Int) -> String {
        "[\(index)/\(total)] \(topic) · \(modeName(mode)) · " + pick("难度 \(level)", "level \(level)")
    }

    func modeName(_ mode: QuizMode) -> String {
        switch mode {
        case .multipleChoice: return pick("选择题", mode.label)
        case .mythOrFact: return pick("误区还是事实", mode.label)
        case .cloze: return pick("填空", mode.label)
        case .typed: return pick("简答", mode.label)
        }
    }

    var scoreOrOverride: String {
        pick("按回车看得分；如果其实答对了，输入 !：", "Enter for your score, or ! if you were right:")
    }

    var nothingToOverride: String { pick("（没有可改判的答案）", "(nothing to mark right)") }

    func markedRight(_ question: Int) -> String {
        pick("第 \(question) 题已改判为正确。", "Marked question \(question) right.")
    }

    var right: String { pick("✓ 正确。", "✓ Right.") }

    func wrong(answer: String) -> String { pick("✗ 错误。答案：\(answer)", "✗ Wrong. Answer: \(answer)") }

    func answer(_ text: String) -> String { pick("答案：\(text)", "Answer: \(text)") }

    var selfGrade: String { pick("你答对了吗？(y/n)", "Did you get it right? (y/n)") }

    func keywords(matched: Int, of total: Int, needed: Int, found: String, missing: String) -> String {
        pick("关键词：命中 \(matched)/\(total)（需要 \(needed)）", "Keywords: \(matched) of \(total) (needed \(needed))")
            + (found.isEmpty ? "" : pick("；命中：", "; found: ") + found)
            + (missing.isEmpty ? "" : pick("；缺少：", "; missing: ") + missing)
    }

    func why(_ text: String) -> String { pick("解析：", "Why: ") + text }

    func source(_ citation: String) -> String { pick("出处：", "Source: ") + citation }

    var overrideHint: String {
        pick("（如果其实答对了，在下一个提示处输入 !）", "(! at the next prompt if you were right)")
    }

    var scoreByTopic: String { pick("各主题得分：", "Score by topic:") }

    func total(_ right: Int, _ answered: Int) -> String { pick("总计：", "Total: ") + "\(right)/\(answered)" }

    func chooseHint(last: String) -> String { pick("你的选择 (a–\(last))：", "Your choice (a–\(last)):") }

    var mythHint: String { pick("误区还是事实？(m/f)：", "Myth or fact? (m/f):") }

    var clozeHint: String { pick("填空：", "Fill in the blank:") }

    var typedHint: String { pick("你的答案：", "Your answer:") }

    /// A quiz answer's lapse made the card a leech: the same words as in review.
    func leech(_ id: String, lapses: Int) -> String { ReviewStrings(language: language).leech(id, lapses: lapses) }

    /// Replies that mean yes, in either language (a Chinese quiz may still get "y").
    static let yes: Set<String> = ["y", "yes", "是", "对"]
}
