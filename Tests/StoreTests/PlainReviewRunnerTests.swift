import Foundation
import Testing
@testable import Store
import Study

@Suite struct PlainReviewRunnerTests {
    typealias F = StoreFixtures

    func card(_ id: String) -> Card {
        Card(
            id: id, topic: "t", level: 1, q: LocalizedText(zh: "问 \(id)", en: "Q \(id)"),
            a: LocalizedText(zh: "答 \(id)", en: "A \(id)"), imported: true)
    }

    /// Runs the runner over `ids` with scripted input; returns the output and the database.
    func run(_ ids: [String], input: [String], stored: [CardProgress] = [], languages: [Language] = [.en]) throws -> (String, AppDatabase, SessionSummary) {
        let db = try AppDatabase.inMemory()
        for p in stored { try db.saveCardChange(ProgressChange(before: nil, after: p)) }
        var session = try RecordedReviewSession(
            database: db, candidates: ids.map { ReviewCandidate(id: $0, topic: "t") }, timeZone: F.utc, now: F.now)
        var lines = input[...]
        var out = ""
        let runner = PlainReviewRunner(
            languages: languages, readLine: { lines.popFirst() }, write: { out += $0 }, now: { F.now })
        let summary = try runner.run(&session, cards: Dictionary(uniqueKeysWithValues: ids.map { ($0, card($0)) }))
        return (out, db, summary)
    }

    @Test func buryAndSuspendFromTheQuestionAndUndoPutsTheCardBack() throws {
        let (out, db, summary) = try run(["a", "b", "c"], input: ["b", "", "s", "u", "", "4", "", "4", "q"])
        #expect(out.contains("Buried until tomorrow."))
        #expect(out.contains("Suspended."))
        #expect(out.contains("Undone: the last action on b."))
        #expect(try db.cardProgress(id: "a")?.buriedUntil != nil)
        #expect(try db.cardProgress(id: "b")?.isSuspended == false)
        #expect(try db.cardProgress(id: "c")?.schedule?.phase == .review)
        #expect(summary.buried == ["a"] && summary.suspended.isEmpty && summary.answered == 2)
    }

    @Test func theIntervalsShownAreTheOnesSaved() throws {
        let (out, db, _) = try run(["a"], input: ["", "4"])
        let due = try #require(try db.cardProgress(id: "a")?.schedule?.due)
        let shown = IntervalText.describe(from: F.now, to: due)
        #expect(out.contains("4 easy \(shown)"))
        #expect(out.contains("Saved: easy, next in \(shown)."))
        #expect(try db.reviewLog().first?.reviewedAt == F.now)
    }

    @Test func aLeechIsAnnounced() throws {
        let (out, db, summary) = try run(["r"], input: ["", "1"], stored: [F.reviewCard("r", lapses: 7)])
        #expect(out.contains("r is a leech (8 lapses): it is suspended."))
        #expect(out.contains("Leeches (suspended): r."))
        #expect(summary.leeches == ["r"])
        #expect(try db.cardProgress(id: "r")?.isLeech == true)
    }

    @Test func endOfInputQuitsWithASummary() throws {
        let (out, db, summary) = try run(["a", "b"], input: [""])
        #expect(summary.answered == 0)
        #expect(out.hasSuffix("Rated 0 (again 0, hard 0, good 0, easy 0); 0 new.\nLeft: 0 due, 2 new, 0 learning.\n"))
        #expect(try db.reviewLogCount() == 0)
    }

    /// Every kind of line a session prints: a rating, a typo, bury, suspend, undo, a leech, the summary.
    func everyLine(_ languages: [Language]) throws -> String {
        try run(["r", "a", "b", "c"], input: ["u", "", "1", "", "zz", "3", "b", "s", "u", "q"],
                stored: [F.reviewCard("r", lapses: 7)], languages: languages).0
    }

    @Test func chineseSessionSpeaksChinese() throws {
        let zh = try everyLine([.zh])
        for label in [
            "复习：到期 1，新卡 3，学习中 0。", "[剩 4] t · 复习 · r", "问：问 r", "（回车：显示答案 · u 撤销",
            "答：答 r", "1 重来 ", "4 简单 ", "已保存：重来，", "r 成了难记卡（遗忘 8 次）：已暂停。",
            "新卡 · a", "请输入 1（重来）", "已保存：良好，10m 后再见。", "已搁置到明天。", "已暂停。", "已撤销：c 上的最后一个操作。",
            "没有可撤销的操作。", "已评 2 张（重来 1，困难 0，良好 1，简单 0）；新卡 1 张。", "难记卡（已暂停）：r。",
            "搁置 1 张，暂停 0 张。", "剩余：到期 0，新卡 1，学习中 1（下一张学习卡 10m 后到期）。",
        ] {
            #expect(zh.contains(label), "missing \(label) in:\n\(zh)")
        }
        for english in ["Review:", "left]", "Q: ", "A: ", "again", "Saved", "Buried", "Undone", "Rated", "Left:"] {
            #expect(!zh.contains(english), "\(english) in a zh session:\n\(zh)")
        }
    }

    @Test func englishSessionKeepsItsWordsAndBothLanguagesLineUp() throws {
        let en = try everyLine([.en])
        for label in [
            "Review: 1 due, 3 new, 0 learning.", "[4 left] t · review · r", "Q: Q r", "A: A r", "Saved: again, next in",
            "r is a leech (8 lapses)", "Type 1 (again)", "Buried until tomorrow.", "Undone: the last action on c.",
            "Nothing to undo.", "Rated 2 (again 1, hard 0, good 1, easy 0); 1 new.", "Leeches (suspended): r.",
            "Buried 1, suspended 0.", "Left: 0 due, 1 new, 1 learning (next learning card in 10m).",
        ] {
            #expect(en.contains(label), "missing \(label) in:\n\(en)")
        }
        let both = try everyLine([.zh, .en])
        #expect(both.contains("问：问 r\n    Q r\n"))
        #expect(both.contains("复习：到期 1"))
    }
}
