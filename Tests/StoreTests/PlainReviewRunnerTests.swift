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
    func run(_ ids: [String], input: [String], stored: [CardProgress] = []) throws -> (String, AppDatabase, SessionSummary) {
        let db = try AppDatabase.inMemory()
        for p in stored { try db.saveCardChange(ProgressChange(before: nil, after: p)) }
        var session = try RecordedReviewSession(
            database: db, candidates: ids.map { ReviewCandidate(id: $0, topic: "t") }, timeZone: F.utc, now: F.now)
        var lines = input[...]
        var out = ""
        let runner = PlainReviewRunner(
            languages: [.en], readLine: { lines.popFirst() }, write: { out += $0 }, now: { F.now })
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
}
