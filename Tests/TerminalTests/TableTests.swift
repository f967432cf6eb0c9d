import Testing
@testable import Terminal

@Suite struct TableTests {
    let table = Table(
        columns: [
            .init("方法 Method", width: .length(12)),
            .init("Loss", width: .length(7), alignment: .right),
            .init("备注 Note", width: .fill),
        ],
        rows: [
            ["LoRA 低秩适配", "0.412", "rank 8 秩"],
            ["Full FT", "0.398", "全部参数都训练"],
            ["前缀 Prefix", "1.2", "ok"],
            ["QLoRA 量化", "0.45", "4-bit 基座 base"],
        ])

    @Test func snapshotWithChineseCells() {
        #expect(rendered(table, width: 36, height: 5).lines() == [
            "方法 Method     Loss 备注 Note",
            "LoRA 低秩适…   0.412 rank 8 秩",
            "Full FT        0.398 全部参数都训练",
            "前缀 Prefix      1.2 ok",
            "QLoRA 量化      0.45 4-bit 基座 base",
        ])
    }

    @Test func columnsStartAtTheSameDisplayColumnInEveryRow() {
        let buffer = rendered(table, width: 36, height: 5)
        let widths = table.columnWidths(totalWidth: 36)
        #expect(widths == [12, 7, 15])
        let starts = [0, 13, 21]
        for y in 0..<5 {
            for start in starts {
                // A cell never begins on the right half of a wide character.
                #expect(!buffer[start, y].isContinuation, "row \(y) column \(start)")
            }
            // The column before each start is the blank separator.
            #expect(buffer[12, y].symbol == " " && !buffer[12, y].isContinuation)
            #expect(buffer[20, y].symbol == " " && !buffer[20, y].isContinuation)
        }
        // Right-aligned numbers end in the same column.
        for (y, number) in [(1, "0.412"), (2, "0.398"), (3, "1.2"), (4, "0.45")] {
            let line = buffer.line(at: y)
            #expect(displayColumn(of: number, in: line)! + number.count == 20)
        }
        #expect(displayColumn(of: "全部", in: buffer.line(at: 2)) == 21)
        #expect(displayColumn(of: "基座", in: buffer.line(at: 4)) == 27)
    }

    @Test func narrowFillColumnTruncatesWithEllipsis() {
        let lines = rendered(table, width: 28, height: 5).lines()
        #expect(lines[2] == "Full FT        0.398 全部参…")
        #expect(lines[4] == "QLoRA 量化      0.45 4-bit …")
        for line in lines { #expect(DisplayWidth.of(line) <= 28) }
    }

    @Test func selectedRowIsHighlightedAndKeptInView() {
        var t = table
        t.selectedRow = 3
        let buffer = rendered(t, width: 36, height: 3)
        #expect(buffer.lines() == [
            "方法 Method     Loss 备注 Note",
            "前缀 Prefix      1.2 ok",
            "QLoRA 量化      0.45 4-bit 基座 base",
        ])
        #expect(buffer[0, 2].style.reverse && buffer[35, 2].style.reverse)
        #expect(!buffer[0, 1].style.reverse)
        #expect(buffer[0, 0].style.bold && buffer[0, 0].style.underline)
    }

    /// With a `ListState` the rows stay put while the selection moves inside them; they
    /// scroll only when it leaves the view.
    @Test func movingUpInsideTheViewDoesNotScroll() {
        var state = ListState()
        func frame() -> Buffer {
            var buffer = Buffer(size: Size(width: 36, height: 3))
            table.render(into: &buffer, area: buffer.area, state: &state)
            return buffer
        }
        _ = state.handle(.char("G"), count: table.rows.count, pageSize: 2)
        #expect(frame().lines().dropFirst() == ["前缀 Prefix      1.2 ok", "QLoRA 量化      0.45 4-bit 基座 base"])
        _ = state.handle(.char("k"), count: table.rows.count, pageSize: 2)
        let up = frame()
        #expect(up.lines().dropFirst() == ["前缀 Prefix      1.2 ok", "QLoRA 量化      0.45 4-bit 基座 base"])
        #expect(up[0, 1].style.reverse && !up[0, 2].style.reverse)
        _ = state.handle(.char("k"), count: table.rows.count, pageSize: 2)
        let scrolled = frame()
        #expect(scrolled.lines().dropFirst() == ["Full FT        0.398 全部参数都训练", "前缀 Prefix      1.2 ok"])
        #expect(scrolled[0, 1].style.reverse)
        #expect(state.offset == 1)
    }

    @Test func fitPadsAndCutsByDisplayWidth() {
        #expect(TextFit.fit("中文", width: 6) == "中文  ")
        #expect(TextFit.fit("中文字", width: 4) == "中… ")
        #expect(TextFit.fit("ab", width: 5, alignment: .right) == "   ab")
        #expect(TextFit.truncate("abcdef", toWidth: 4) == "abc…")
        #expect(TextFit.truncate("abc", toWidth: 3) == "abc")
    }
}
