/// Which item of a list is selected and which is at the top: kept by the screen between
/// frames so the selection stays put and stays visible.
public struct ListState: Hashable, Sendable {
    /// The selected index, nil for none.
    public var selected: Int?
    /// The first item shown.
    public private(set) var offset: Int

    /// A state with `selected` chosen and the list scrolled to the top.
    public init(selected: Int? = 0) {
        self.selected = selected
        self.offset = 0
    }

    /// Selects `index`, clamped to `0..<count`.
    public mutating func select(_ index: Int, count: Int) {
        selected = count == 0 ? nil : min(max(0, index), count - 1)
    }

    /// Moves the selection by `delta` items (negative moves up), stopping at the ends.
    public mutating func move(by delta: Int, count: Int) {
        select((selected ?? 0) + delta, count: count)
    }

    /// Handles the usual list keys: ↑/↓ and k/j move, PgUp/PgDn (and ^B/^F) move a page,
    /// Home/End and g/G jump to the ends. Returns false for any other key.
    public mutating func handle(_ key: Key, count: Int, pageSize: Int) -> Bool {
        let page = max(1, pageSize - 1)
        switch key {
        case .up, .char("k"): move(by: -1, count: count)
        case .down, .char("j"): move(by: 1, count: count)
        case .pageUp, .ctrl("b"): move(by: -page, count: count)
        case .pageDown, .ctrl("f"): move(by: page, count: count)
        case .home, .char("g"): select(0, count: count)
        case .end, .char("G"): select(count - 1, count: count)
        default: return false
        }
        return true
    }

    /// Scrolls as little as possible so the selection is among `visibleRows` rows.
    public mutating func scrollToSelection(visibleRows: Int, count: Int) {
        let rows = max(1, visibleRows)
        offset = min(offset, max(0, count - rows))
        guard let selected else { return }
        if selected < offset { offset = selected }
        if selected >= offset + rows { offset = selected - rows + 1 }
        offset = max(0, offset)
    }
}

/// A vertical list of one-line items with a highlighted selection that is kept in view.
///
/// ```swift
/// var state = ListState()
/// let list = ListView(items: ["Attention", "LoRA 低秩适配", "RLHF"])
/// _ = state.handle(.down, count: list.items.count, pageSize: area.height)
/// list.render(into: &buffer, area: area, state: &state)
/// ```
public struct ListView: Hashable, Sendable {
    /// The items, one row each (cut with "…" when too wide).
    public var items: [Line]
    /// Laid over the selected row.
    public var highlight: Style
    /// Drawn before the selected item; other items get the same width of spaces.
    public var marker: String

    /// A list of `items`; the selection is shown reversed, after "› ".
    public init(items: [Line], highlight: Style = Style(reverse: true), marker: String = "› ") {
        self.items = items
        self.highlight = highlight
        self.marker = marker
    }

    /// Draws the visible items, scrolling `state` so its selection is on screen.
    public func render(into buffer: inout Buffer, area: Rect, state: inout ListState) {
        guard !area.isEmpty else { return }
        state.scrollToSelection(visibleRows: area.height, count: items.count)
        let markerWidth = DisplayWidth.of(marker)
        let textWidth = max(0, area.width - markerWidth)
        for row in 0..<area.height {
            let index = state.offset + row
            guard index < items.count else { break }
            let isSelected = index == state.selected
            let prefix = isSelected ? marker : String(repeating: " ", count: markerWidth)
            var line = Line([Span(prefix)] + TextFit.fit(items[index], width: textWidth).spans)
            if isSelected { line = line.patched(with: highlight) }
            buffer.write(line, at: Point(x: area.x, y: area.y + row), clip: area)
        }
    }
}
