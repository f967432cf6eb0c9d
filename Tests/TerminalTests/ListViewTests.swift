import Testing
@testable import Terminal

@Suite struct ListViewTests {
    let items: [Line] = (0..<20).map { Line("item \($0) 条目") }

    @Test func scrollingKeepsSelectionVisible() {
        var state = ListState()
        let list = ListView(items: items)
        var buffer = Buffer(size: Size(width: 16, height: 5))
        for _ in 0..<7 { _ = state.handle(.down, count: items.count, pageSize: 5) }
        list.render(into: &buffer, area: buffer.area, state: &state)
        #expect(state.selected == 7)
        #expect(state.offset == 3)
        #expect(buffer.lines() == [
            "  item 3 条目",
            "  item 4 条目",
            "  item 5 条目",
            "  item 6 条目",
            "› item 7 条目",
        ])
        #expect(buffer[0, 4].style.reverse)
        #expect(!buffer[0, 3].style.reverse)

        // Moving back up inside the window does not scroll; above it scrolls minimally.
        for _ in 0..<2 { _ = state.handle(.char("k"), count: items.count, pageSize: 5) }
        buffer = Buffer(size: Size(width: 16, height: 5))
        list.render(into: &buffer, area: buffer.area, state: &state)
        #expect(state.offset == 3)
        for _ in 0..<3 { _ = state.handle(.up, count: items.count, pageSize: 5) }
        list.render(into: &buffer, area: buffer.area, state: &state)
        #expect(state.selected == 2)
        #expect(state.offset == 2)
        #expect(buffer.line(at: 0) == "› item 2 条目")
    }

    @Test func pageAndEndKeysClampToTheList() {
        var state = ListState()
        _ = state.handle(.end, count: 20, pageSize: 5)
        #expect(state.selected == 19)
        _ = state.handle(.down, count: 20, pageSize: 5)
        #expect(state.selected == 19)
        _ = state.handle(.pageUp, count: 20, pageSize: 5)
        #expect(state.selected == 15)
        _ = state.handle(.char("g"), count: 20, pageSize: 5)
        #expect(state.selected == 0)
        let consumed = state.handle(.enter, count: 20, pageSize: 5)
        #expect(consumed == false)
        var list = ListView(items: items)
        var end = ListState(selected: 19)
        var buffer = Buffer(size: Size(width: 16, height: 4))
        list.items = Array(items)
        list.render(into: &buffer, area: buffer.area, state: &end)
        #expect(end.offset == 16)
        #expect(buffer.line(at: 3) == "› item 19 条目")
    }

    @Test func longItemsAreCutWithEllipsis() {
        var state = ListState(selected: nil)
        var buffer = Buffer(size: Size(width: 10, height: 1))
        ListView(items: ["低秩适配矩阵分解"]).render(into: &buffer, area: buffer.area, state: &state)
        #expect(buffer.text == "  低秩适…")
    }
}
