import Foundation
import Testing
@testable import Study

/// Loading from disk: the fixtures under Fixtures/content.
@Suite struct ContentLoaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/content").path

    @Test func validDirectoryLoadsWithoutProblems() {
        let r = ContentLoader(content: Self.fixtures + "/valid").load()
        #expect(r.problems.map(\.description) == [])
        #expect(r.fileCount == 2)
        #expect(r.library.topics.map(\.id) == ["lora", "norms"])
        #expect(r.library.cards.count == 3)
        #expect(r.library.seeds.seeds.map(\.id) == ["000-1", "000-2", "003-3"])
        #expect(r.library.cards(answeringSeed: "003-3").map(\.id) == ["norms-pre-ln"])
    }

    @Test func aBrokenFileDoesNotLoseTheOthers() {
        let dir = Self.fixtures + "/broken"
        let r = ContentLoader(content: dir).load()
        let messages = r.problems.map(\.description)
        #expect(messages.first?.hasPrefix("\(dir)/aaa-syntax.yaml:7: YAML syntax error") == true)
        #expect(r.library.card(id: "norms-pre-ln") != nil)
        #expect(r.fileCount == 2)
    }

    @Test func userDeckReusingABundledIdIsAnErrorNotAnOverride() {
        let r = ContentLoader(content: Self.fixtures + "/valid", decks: Self.fixtures + "/decks").load()
        #expect(r.problems.map(\.description) == [
            "\(Self.fixtures)/decks/mine.yaml:10: card \"norms-pre-ln\": id already used at \(Self.fixtures)/valid/norms.yaml:4 (a user deck cannot replace a card; give it another id)",
        ])
        #expect(r.library.card(id: "norms-pre-ln")?.q.en == "Where do modern LLMs put the normalization?")
        #expect(r.library.card(id: "mine-ok")?.imported == true)
        #expect(r.library.topics.map(\.id) == ["lora", "norms", "mine"])
    }

    @Test func missingDecksDirectoryIsEmptyButMissingContentIsAProblem() {
        let r = ContentLoader(content: Self.fixtures + "/valid", decks: "/nonexistent/decks").load()
        #expect(r.problems.isEmpty)
        let missing = ContentLoader(content: "/nonexistent/content").load()
        #expect(missing.problems.map(\.description)
            == ["/nonexistent/content: content directory not found (set DOJO_CONTENT or pass a directory)"])
    }

    @Test func syntheticThreeHundredCardDeckLoadsCompletely() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-synth-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: dir) }
        try SyntheticContent.write(cards: 300, topics: 10, to: dir)
        let start = ContinuousClock.now
        let r = ContentLoader(content: dir.path).load()
        let elapsed = ContinuousClock.now - start
        #expect(r.problems.map(\.description) == [])
        #expect(r.library.cards.count == 300)
        #expect(r.library.topics.count == 10)
        // Reported, not asserted: timing belongs to benchmarks.
        print("content load: 300 cards in \(elapsed)")
    }
}
