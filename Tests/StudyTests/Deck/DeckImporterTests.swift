import Testing
@testable import Study

@Suite struct DeckImporterTests {
    @Test func importsNotesIntoBothLanguagesWithStableIds() throws {
        let text = "#separator:tab\n#tags column:3\nWhat is r?\tThe rank\tlora basics\n什么是秩？\t内维度\t\n"
        let deck = try DeckImporter.importDeck(text, name: "My Deck", file: "decks/my-deck.yaml").get()
        #expect(deck.topic.id == "my-deck")
        #expect(deck.topic.name == LocalizedText(zh: "My Deck", en: "My Deck"))
        let cards = deck.topic.cards
        #expect(cards.count == 2)
        #expect(cards[0].q == LocalizedText(zh: "What is r?", en: "What is r?"))
        #expect(cards[0].a == LocalizedText(zh: "The rank", en: "The rank"))
        #expect(cards[0].tags == ["lora", "basics"])
        #expect(cards[0].imported)
        #expect(cards[0].id == "my-deck-" + DeckImporter.stableHash("What is r?"))
        // The hash ignores width, case and spacing, and is fixed across runs (FNV-1a).
        #expect(DeckImporter.stableHash("What is r?") == DeckImporter.stableHash("ｗｈａｔ  IS r?"))
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (the published test vector); folded to 32 bits.
        #expect(DeckImporter.stableHash("a") == "296230c0")
    }

    @Test func skippedLinesAreReportedWithTheirNumbers() throws {
        let text = """
        #separator:tab
        good front\tgood back
        only one field
        \tempty front
        good front\tsame front again
        "never closed\tback
        """
        let deck = try DeckImporter.importDeck(text, name: "x", file: "decks/x.yaml").get()
        #expect(deck.topic.cards.map(\.q.en) == ["good front"])
        // In file order, though the unclosed quote is found by an earlier pass.
        #expect(deck.skipped.map(\.description) == [
            "line 3: expected 2+ fields, found 1",
            "line 4: empty front",
            "line 5: same front as line 2; skipped",
            "line 6: unterminated quoted field (a \" opened on this line is never closed)",
        ])
    }

    @Test func theFieldCountLeavesOutTheTagsColumn() throws {
        let text = "#separator:tab\n#tags column:2\nfront\ttag1 tag2\nq\ta\tt\n"
        let deck = try DeckImporter.importDeck(text, name: "x", file: "decks/x.yaml").get()
        #expect(deck.topic.cards.map(\.q.en) == ["q"])
        #expect(deck.skipped.map(\.description) == ["line 3: expected 2+ fields, found 1 (not counting tag and metadata columns)"])
    }

    /// "whatiscard18642?" and "whatiscard58239?" share the 32-bit hash bf879a96.
    @Test func frontsWhoseShortHashesCollideAreBothKept() throws {
        let a = "What is card 18642?", b = "What is card 58239?"
        #expect(DeckImporter.stableHash(a) == "bf879a96" && DeckImporter.stableHash(b) == "bf879a96")
        #expect(DeckImporter.longHash(a) != DeckImporter.longHash(b))
        let deck = try DeckImporter.importDeck("\(a)\tone\n\(b)\ttwo\n\(b.uppercased())\tthree\n", name: "c", file: "decks/c.yaml").get()
        #expect(deck.topic.cards.map(\.q.en) == [a, b])
        // The first keeps the short id it always had; the second gets the long one.
        #expect(deck.topic.cards.map(\.id) == ["c-bf879a96", "c-" + DeckImporter.longHash(b)])
        // A real duplicate (same front once normalized) is still skipped.
        #expect(deck.skipped.map(\.description) == ["line 3: same front as line 2; skipped"])
    }

    @Test func htmlFieldsAreCleaned() throws {
        let text = "#html:true\nA &amp; B<br>second\t<b>bold</b> &lt;tag&gt;\n"
        let deck = try DeckImporter.importDeck(text, name: "h", file: "decks/h.yaml").get()
        #expect(deck.topic.cards[0].q.en == "A & B\nsecond")
        #expect(deck.topic.cards[0].a.en == "bold <tag>")
    }

    @Test func namesWithoutLettersAndFilesWithoutCardsFail() {
        #expect(DeckImporter.deckId("日语 N1") == "n1")
        #expect(DeckImporter.deckId("Deck: Part 2!") == "deck-part-2")
        guard case .failure(.badName) = DeckImporter.importDeck("a\tb\n", name: "日语", file: "d.yaml") else {
            Issue.record("expected badName")
            return
        }
        guard case let .failure(.noCards(skipped)) = DeckImporter.importDeck("just one\n", name: "d", file: "d.yaml") else {
            Issue.record("expected noCards")
            return
        }
        #expect(skipped.map(\.description) == ["line 1: expected 2+ fields, found 1"])
    }

    @Test func exportThenImportRoundTripsThroughTheLoader() throws {
        var cards = ContentAssembler.assemble([ContentFile(path: "content/lora.yaml", text: ContentSamples.lora, origin: .bundled)],
                                              seeds: ContentSamples.seeds).library.cards
        cards[0].a.en = "Line one\nline \"two\"\twith a tab"
        let exported = AnkiTextWriter.export(cards, language: .en)
        let deck = try DeckImporter.importDeck(exported, name: "round trip", file: "decks/round-trip.yaml").get()
        #expect(deck.skipped == [])
        let yaml = DeckYAMLWriter.yaml(deck.topic, importedFrom: "export.txt")
        let loaded = ContentAssembler.assemble([ContentFile(path: "decks/round-trip.yaml", text: yaml, origin: .userDeck)], seeds: nil)
        #expect(loaded.problems.map(\.description) == [])
        let back = loaded.library.cards
        #expect(back.map(\.q.en) == cards.map(\.q.en))
        #expect(back.map(\.a.en) == cards.map(\.a.en))
        #expect(back.map(\.a.zh) == cards.map(\.a.en))
        #expect(back.map(\.tags) == cards.map { [$0.topic] + $0.tags })
        #expect(back.map(\.id) == deck.topic.cards.map(\.id))
        #expect(yaml.hasPrefix("# Imported by `dojo deck import` from export.txt (2 cards)."))
    }
}
