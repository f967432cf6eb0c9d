import Testing
@testable import Terminal

@Suite struct TextWrapperTests {
    static let paragraph = "LoRA（低秩适配）把权重更新写成两个小矩阵的乘积 BA，rank r 远小于 d。Fine-tuning only trains A and B, so memory drops a lot."

    /// Properties every wrap must have, whatever the width.
    func checkInvariants(_ lines: [String], width: Int, source: String) {
        for line in lines {
            #expect(DisplayWidth.of(line) <= width, "line wider than \(width): \(line)")
            #expect(line.first.map { !"，。、）」".contains($0) } ?? true, "closing punctuation starts a line: \(line)")
        }
        // Nothing is lost or reordered: only spaces at the breaks go.
        #expect(lines.joined().filter { $0 != " " } == source.filter { $0 != " " })
    }

    @Test func mixedChineseEnglishAtWidth10() {
        let lines = TextWrapper.wrap(Self.paragraph, width: 10)
        checkInvariants(lines, width: 10, source: Self.paragraph)
        #expect(lines == [
            "LoRA（低秩",
            "适配）把权",
            "重更新写成",
            "两个小矩阵",
            "的乘积",
            "BA，rank r",
            "远小于 d。",
            "Fine-",
            "tuning",
            "only",
            "trains A",
            "and B, so",
            "memory",
            "drops a",
            "lot.",
        ])
    }

    @Test func mixedChineseEnglishAtWidth17() {
        let lines = TextWrapper.wrap(Self.paragraph, width: 17)
        checkInvariants(lines, width: 17, source: Self.paragraph)
        #expect(lines == [
            "LoRA（低秩适配）",
            "把权重更新写成两",
            "个小矩阵的乘积",
            "BA，rank r 远小于",
            "d。Fine-tuning",
            "only trains A and",
            "B, so memory",
            "drops a lot.",
        ])
    }

    @Test func mixedChineseEnglishAtWidth30() {
        let lines = TextWrapper.wrap(Self.paragraph, width: 30)
        checkInvariants(lines, width: 30, source: Self.paragraph)
        #expect(lines == [
            "LoRA（低秩适配）把权重更新写成",
            "两个小矩阵的乘积 BA，rank r 远",
            "小于 d。Fine-tuning only",
            "trains A and B, so memory",
            "drops a lot.",
        ])
    }

    @Test func oddWidthNeverSplitsAWideCharacter() {
        for width in 1...12 {
            let lines = TextWrapper.wrap("梯度累积：小批量多步求和再更新", width: width)
            for line in lines {
                #expect(DisplayWidth.of(line) <= max(width, 2))
            }
            #expect(lines.joined() == "梯度累积：小批量多步求和再更新")
        }
        #expect(TextWrapper.wrap("一二三", width: 5) == ["一二", "三"])
    }

    @Test func newlinesAndBlankLinesAreKept() {
        #expect(TextWrapper.wrap("a b\n\nc", width: 10) == ["a b", "", "c"])
        #expect(TextWrapper.wrap("", width: 10) == [""])
        #expect(TextWrapper.wrap("abc", width: 0) == [])
    }

    @Test func longLatinWordIsCut() {
        #expect(TextWrapper.wrap("see backpropagation now", width: 8) == ["see", "backprop", "agation", "now"])
    }

    @Test func stylesSurviveWrapping() {
        let line: Line = ["plain ", Span("粗体文字", style: Style(bold: true))]
        let wrapped = TextWrapper.wrap(line, width: 8)
        // Chinese may break anywhere, so the bold run is split across the lines, style intact.
        #expect(wrapped.map(\.plainText) == ["plain 粗", "体文字"])
        #expect(wrapped[0].spans == [Span("plain "), Span("粗", style: Style(bold: true))])
        #expect(wrapped[1].spans == [Span("体文字", style: Style(bold: true))])
    }

    @Test func paragraphRendersWrappedAndScrolled() {
        var p = Paragraph("第一行 first line\nsecond 第二", alignment: .left)
        #expect(rendered(p, width: 10, height: 4).lines() == ["第一行", "first line", "second 第", "二"])
        p.scroll = 1
        p.alignment = .right
        #expect(rendered(p, width: 10, height: 3).lines() == ["first line", " second 第", "        二"])
    }

    @Test func wrapWithALineLimitMarksTheCut() {
        let text = Line("database unusable — nothing will be saved; run dojo doctor")
        #expect(TextWrapper.wrap(text, width: 24, maxLines: 2).map(\.plainText)
            == ["database unusable —", "nothing will be saved;…"])
        // A last line that fills the width loses its end to the ellipsis.
        #expect(TextWrapper.wrap(Line("abcd efgh ijkl"), width: 4, maxLines: 2).map(\.plainText) == ["abcd", "efg…"])
        // Chinese is cut between characters, never halved.
        #expect(TextWrapper.wrap(Line("数据库无法使用，进度不会保存"), width: 9, maxLines: 1).map(\.plainText) == ["数据库无…"])
        // Text that fits is left alone.
        #expect(TextWrapper.wrap(Line("short"), width: 24, maxLines: 2).map(\.plainText) == ["short"])
    }
}
