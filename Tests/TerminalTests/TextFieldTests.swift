import Testing
@testable import Terminal

@Suite struct TextFieldTests {
    func typed(_ text: String, into field: inout TextField) {
        for c in text {
            let consumed = field.handle(.char(c))
            #expect(consumed)
        }
    }

    @Test func typingChineseAndBackspacingWholeCharacters() {
        var field = TextField()
        typed("LoRA低秩", into: &field)
        #expect(field.text == "LoRA低秩")
        #expect(field.cursor == 6)
        #expect(field.cursorColumn == 8)
        _ = field.handle(.backspace)
        #expect(field.text == "LoRA低")
        #expect(field.cursorColumn == 6)
    }

    @Test func cursorMovementAndInsertInTheMiddle() {
        var field = TextField(text: "低适配")
        _ = field.handle(.left)
        _ = field.handle(.left)
        typed("秩", into: &field)
        #expect(field.text == "低秩适配")
        #expect(field.cursor == 2)
        _ = field.handle(.delete)
        #expect(field.text == "低秩配")
        _ = field.handle(.home)
        #expect(field.cursor == 0)
        _ = field.handle(.backspace)
        #expect(field.text == "低秩配")
        _ = field.handle(.end)
        #expect(field.cursor == 3)
        let consumed = field.handle(.enter)
        #expect(consumed == false)
    }

    @Test func combiningMarkJoinsPreviousGrapheme() {
        var field = TextField(text: "cafe")
        typed("\u{301}", into: &field)
        #expect(field.text == "café")
        #expect(field.cursor == 4)
        _ = field.handle(.backspace)
        #expect(field.text == "caf")
    }

    @Test func killAndWordDeletion() {
        var field = TextField(text: "low rank 低秩")
        _ = field.handle(.ctrl("w"))
        #expect(field.text == "low rank ")
        _ = field.handle(.ctrl("w"))
        #expect(field.text == "low ")
        _ = field.handle(.ctrl("u"))
        #expect(field.text == "")
    }

    @Test func scrollsToKeepCursorVisibleWithoutHalvingWideCharacters() {
        var field = TextField(text: "a低秩适配矩阵", style: .plain)
        var buffer = Buffer(size: Size(width: 8, height: 1))
        field.render(into: &buffer, area: buffer.area)
        // 13 columns of text + the cursor cell in an 8-column field: the view ends at the
        // cursor, 6 columns scrolled off, which cuts 适 (columns 5–6) in half: a blank shows.
        #expect(field.scroll == 6)
        #expect(buffer.text == " 配矩阵")
        #expect(!buffer[0, 0].isContinuation && buffer[0, 0].symbol == " ")
        #expect(buffer.cursor == Point(x: 7, y: 0))

        _ = field.handle(.home)
        buffer = Buffer(size: Size(width: 8, height: 1))
        field.render(into: &buffer, area: buffer.area)
        #expect(field.scroll == 0)
        #expect(buffer.text == "a低秩适")
        #expect(buffer.cursor == Point(x: 0, y: 0))
        #expect(!buffer[7, 0].isContinuation)

        // Moving right until the cursor sits on 配 scrolls so all of 配 is visible.
        for _ in 0..<4 { _ = field.handle(.right) }
        field.render(into: &buffer, area: buffer.area)
        // 配 spans columns 7–8 of the text; the 8-column view must start at column 1.
        #expect(field.scroll == 1)
        #expect(buffer.text == "低秩适配")
        #expect(buffer.cursor == Point(x: 6, y: 0))
    }

    @Test func placeholderShowsWhenEmpty() {
        var field = TextField(placeholder: "输入答案 answer", style: .plain)
        var buffer = Buffer(size: Size(width: 20, height: 1))
        field.render(into: &buffer, area: buffer.area)
        #expect(buffer.text == "输入答案 answer")
        #expect(buffer[0, 0].style.dim)
        #expect(buffer.cursor == .zero)
    }
}
