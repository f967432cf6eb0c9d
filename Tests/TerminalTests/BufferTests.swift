import Testing
@testable import Terminal

@Suite struct BufferTests {
    @Test func writeReturnsDisplayColumnsUsed() {
        var buffer = Buffer(size: Size(width: 20, height: 1))
        let used = buffer.write("低秩 LoRA", at: Point(x: 1, y: 0))
        #expect(used == 9)
        buffer.write("|", at: Point(x: 1 + used, y: 0))
        #expect(buffer.text == " 低秩 LoRA|")
        #expect(buffer[1, 0].symbol == "低")
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer[3, 0].symbol == "秩")
    }

    @Test func wideCharacterCutByClipEdgeBecomesSpace() {
        var buffer = Buffer(size: Size(width: 8, height: 1))
        buffer.fill(buffer.area, with: "#")
        let clip = Rect(x: 0, y: 0, width: 5, height: 1)
        let used = buffer.write("中文字", at: .zero, clip: clip)
        #expect(used == 5)
        #expect(buffer.text == "中文 ###")
        #expect(!buffer[4, 0].isContinuation)
    }

    @Test func wideCharacterAtBufferEdgeBecomesSpace() {
        var buffer = Buffer(size: Size(width: 5, height: 1))
        #expect(buffer.set("中", at: Point(x: 4, y: 0)) == 1)
        #expect(buffer[4, 0].symbol == " ")
    }

    @Test func overwritingHalfOfWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.write("中文", at: .zero)
        buffer.set("x", at: Point(x: 1, y: 0))   // right half of 中
        #expect(buffer.text == " x文")
        buffer.set("y", at: Point(x: 2, y: 0))   // left half of 文
        #expect(buffer.text == " xy")
        #expect(!buffer[3, 0].isContinuation)
    }

    @Test func wideCharacterOverTwoNarrowOnes() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.write("abcd", at: .zero)
        buffer.set("中", at: Point(x: 1, y: 0))
        #expect(buffer.text == "a中d")
        buffer.set("文", at: Point(x: 2, y: 0))   // overlaps 中's right half and 'd'
        #expect(buffer.text == "a 文")
    }

    @Test func leftClippedWideCharacterShowsBlank() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        let clip = Rect(x: 1, y: 0, width: 5, height: 1)
        buffer.write("中文ab", at: Point(x: 0, y: 0), clip: clip)
        #expect(buffer.text == "  文ab")
        #expect(!buffer[1, 0].isContinuation)
    }

    @Test func linesSkipContinuationCellsAndKeepStyles() {
        var buffer = Buffer(size: Size(width: 10, height: 2))
        buffer.write(["A", Span("秩", style: Style(fg: .red, bold: true)), "B"], at: Point(x: 0, y: 1))
        #expect(buffer.lines() == ["", "A秩B"])
        #expect(buffer[1, 1].style == Style(fg: .red, bold: true))
        #expect(buffer[3, 1].symbol == "B")
    }

    @Test func writeInRectAlignsAndCuts() {
        var buffer = Buffer(size: Size(width: 12, height: 2))
        buffer.write("标题", in: Rect(x: 0, y: 0, width: 12, height: 1), alignment: .center)
        buffer.write("很长的标题文字", in: Rect(x: 2, y: 1, width: 7, height: 1), alignment: .right)
        #expect(buffer.lines() == ["    标题", "  很长的…"])
    }

    @Test func patchStyleKeepsColoursAndAddsReverse() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        buffer.write("ab", at: .zero, style: Style(fg: .green))
        buffer.patchStyle(buffer.area, with: Style(reverse: true))
        #expect(buffer[0, 0].style == Style(fg: .green, reverse: true))
        #expect(buffer[3, 0].style == Style(reverse: true))
    }
}
