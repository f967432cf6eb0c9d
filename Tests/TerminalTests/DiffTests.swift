import Testing
@testable import Terminal

@Suite struct DiffTests {
    @Test func identicalBuffersHaveNoChanges() {
        var a = Buffer(size: Size(width: 10, height: 3))
        a.write("hello 你好", at: Point(x: 0, y: 1))
        #expect(a.diff(from: a).isEmpty)
    }

    @Test func oneChangedCellIsOneChange() {
        var old = Buffer(size: Size(width: 10, height: 3))
        old.write("hello", at: Point(x: 0, y: 1))
        var new = old
        new.set("J", at: Point(x: 0, y: 1))
        let runs = new.diff(from: old)
        #expect(runs == [CellRun(origin: Point(x: 0, y: 1), cells: [Cell("J")])])
    }

    @Test func styleChangeAloneIsAChange() {
        var old = Buffer(size: Size(width: 4, height: 1))
        old.write("ab", at: .zero)
        var new = Buffer(size: Size(width: 4, height: 1))
        new.write("ab", at: .zero, style: Style(bold: true))
        #expect(new.diff(from: old).map(\.origin) == [.zero])
        #expect(new.diff(from: old).first?.cells.count == 2)
    }

    @Test func wideCharacterChangeCoversBothCells() {
        var old = Buffer(size: Size(width: 8, height: 1))
        old.write("ab中cd", at: .zero)
        var new = old
        new.write("文", at: Point(x: 2, y: 0))
        let runs = new.diff(from: old)
        #expect(runs.count == 1)
        #expect(runs[0].origin == Point(x: 2, y: 0))
        #expect(runs[0].cells.count == 2)
        #expect(runs[0].cells[0].symbol == "文")
        #expect(runs[0].cells[1].isContinuation)
        #expect(runs[0].text == "文")
    }

    @Test func narrowOverRightHalfRedrawsBothColumns() {
        var old = Buffer(size: Size(width: 6, height: 1))
        old.write("中x", at: .zero)
        var new = old
        new.set("y", at: Point(x: 1, y: 0))
        let runs = new.diff(from: old)
        #expect(runs == [CellRun(origin: .zero, cells: [Cell(" "), Cell("y")])])
    }

    @Test func separateChangesMakeSeparateRuns() {
        let old = Buffer(size: Size(width: 10, height: 2))
        var new = old
        new.write("ab", at: Point(x: 1, y: 0))
        new.write("c", at: Point(x: 6, y: 0))
        new.write("d", at: Point(x: 0, y: 1))
        #expect(new.diff(from: old).map(\.origin) == [Point(x: 1, y: 0), Point(x: 6, y: 0), Point(x: 0, y: 1)])
        #expect(new.diff(from: old).map(\.text) == ["ab", "c", "d"])
    }

    @Test func noPreviousOrResizedMeansEverything() {
        let new = Buffer(size: Size(width: 3, height: 2))
        #expect(new.diff(from: nil).map(\.cells.count) == [3, 3])
        #expect(new.diff(from: Buffer(size: Size(width: 4, height: 2))).count == 2)
    }

    @Test func applyingTheDiffReproducesTheFrame() {
        var old = Buffer(size: Size(width: 12, height: 2))
        old.write("旧的 old 文字", at: .zero)
        var new = Buffer(size: Size(width: 12, height: 2))
        new.write("new 新 text", at: .zero)
        new.write("第二行", at: Point(x: 3, y: 1), style: Style(fg: .cyan))
        let backend = MemoryBackend(size: old.size)
        backend.draw(old.diff(from: nil), cursor: nil)
        backend.draw(new.diff(from: old), cursor: nil)
        #expect(backend.screen == new)
    }
}
