import Testing
@testable import Study

@Suite struct AnkiTextTests {
    @Test func honoursHeadersAndQuotedFields() {
        let text = #"""
        #separator:Semicolon
        #html:false
        #tags column:3
        #deck:My Deck
        # a comment
        front one;"back with ; and
        a newline";tag1 tag2
        "say ""hi""";back two;

        """#
        let f = AnkiText.parse(text)
        #expect(f.separator == ";")
        #expect(f.html == false)
        #expect(f.tagsColumn == 3)
        #expect(f.deck == "My Deck")
        #expect(f.problems.isEmpty)
        #expect(f.records == [
            AnkiText.Record(line: 6, fields: ["front one", "back with ; and\na newline", "tag1 tag2"]),
            AnkiText.Record(line: 8, fields: ["say \"hi\"", "back two", ""]),
        ])
    }

    @Test func detectsTheSeparatorWithoutAHeader() {
        #expect(AnkiText.parse("a\tb,c\n").separator == "\t")
        #expect(AnkiText.parse("a;b,c\n").separator == ";")
        #expect(AnkiText.parse("a,b\n").records.first?.fields == ["a", "b"])
        #expect(AnkiText.parse("tags:x y\na,b\n").tags == ["x", "y"])
    }

    @Test func linesEndOnlyAtLineFeedsAndCarriageReturns() {
        // U+2028, U+2029 and U+0085 are text, not line ends, even though Unicode calls them newlines.
        let f = AnkiText.parse("#separator:tab\r\nq1\ta\u{2028}b\rq2\tc\u{85}d\u{2029}e\nq3\tf\r\n")
        #expect(f.records == [
            AnkiText.Record(line: 2, fields: ["q1", "a\u{2028}b"]),
            AnkiText.Record(line: 3, fields: ["q2", "c\u{85}d\u{2029}e"]),
            AnkiText.Record(line: 4, fields: ["q3", "f"]),
        ])
        #expect(AnkiText.lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"])
        #expect(AnkiText.lines("a\n\nb") == ["a", "", "b"])
    }

    @Test func unterminatedQuoteIsReportedAtItsLine() {
        let f = AnkiText.parse("#separator:tab\nq\ta\n\"open\tback\nmore\n")
        #expect(f.records.map(\.line) == [2])
        #expect(f.problems.map(\.description) == ["line 3: unterminated quoted field (a \" opened on this line is never closed)"])
    }

    @Test func writerQuotesWhatAnkiWouldMisread() {
        #expect(AnkiTextWriter.field("plain") == "plain")
        #expect(AnkiTextWriter.field("a\tb") == "\"a\tb\"")
        #expect(AnkiTextWriter.field("two\nlines") == "\"two\nlines\"")
        #expect(AnkiTextWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(AnkiTextWriter.field("#not a comment") == "\"#not a comment\"")
    }

    @Test func exportWritesHeadersAndOneNotePerCard() {
        var card = QuizSamples.card("x", topic: "lora")
        card.tags = ["low rank", "svd"]
        card.a = LocalizedText(zh: "答\n第二行", en: "Answer")
        let zh = AnkiTextWriter.export([card], language: .zh)
        #expect(zh == "#separator:tab\n#html:false\n#tags column:3\n问 x？\t\"答\n第二行\"\tlora low_rank svd\n")
        let en = AnkiTextWriter.export([card], language: .en, withDetail: true)
        #expect(en.hasSuffix("Q x?\t\"Answer\n\nDetail x\"\tlora low_rank svd\n"))
        // A leech is tagged so, after its own tags; other cards are not.
        var other = card
        other.id = "y"
        let tagged = AnkiTextWriter.export([card, other], language: .en, leeches: ["x"])
        #expect(tagged.contains("\tlora low_rank svd leech\n"))
        #expect(tagged.hasSuffix("\tlora low_rank svd\n"))
    }
}
