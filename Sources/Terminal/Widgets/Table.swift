/// Rows of cells under a header, in columns sized by constraints. Cells are cut with "…"
/// and padded by display width, so a column starts at the same screen column in every row
/// whatever mix of Chinese and Latin text is in the cells before it.
///
/// ```swift
/// let table = Table(
///     columns: [.init("方法 Method", width: .fill), .init("Loss", width: .length(7), alignment: .right)],
///     rows: [["LoRA 低秩", "0.412"], ["Full fine-tune", "0.398"]],
///     selectedRow: 0)
/// table.render(into: &buffer, area: area)
///
/// var state = ListState()                      // kept by the screen between frames
/// _ = state.handle(.char("G"), count: table.rows.count, pageSize: area.height - 1)
/// table.render(into: &buffer, area: area, state: &state)
/// ```
public struct Table: Widget, Hashable, Sendable {
    /// One column: its header, how wide it is, and how its cells are placed.
    public struct Column: Hashable, Sendable {
        /// Header text.
        public var title: Line
        /// Width, shared out like `Rect.split`.
        public var width: Constraint
        /// Placement of text in the column (numbers read best right-aligned).
        public var alignment: Alignment

        /// A column titled `title`.
        public init(_ title: Line, width: Constraint = .fill, alignment: Alignment = .left) {
            self.title = title
            self.width = width
            self.alignment = alignment
        }
    }

    /// The columns, left to right.
    public var columns: [Column]
    /// The rows; each holds one cell per column (missing cells are blank).
    public var rows: [[Line]]
    /// The header's style.
    public var headerStyle: Style
    /// The highlighted row, kept in view, when drawn without a `ListState`; nil for none.
    public var selectedRow: Int?
    /// Laid over the selected row.
    public var highlight: Style
    /// Blank columns between columns.
    public var columnSpacing: Int

    /// A table; the header is bold and underlined, the selection reversed.
    public init(
        columns: [Column], rows: [[Line]], selectedRow: Int? = nil,
        headerStyle: Style = Style(bold: true, underline: true), highlight: Style = Style(reverse: true),
        columnSpacing: Int = 1
    ) {
        self.columns = columns
        self.rows = rows
        self.selectedRow = selectedRow
        self.headerStyle = headerStyle
        self.highlight = highlight
        self.columnSpacing = columnSpacing
    }

    /// The width of each column when drawn `totalWidth` columns wide.
    public func columnWidths(totalWidth: Int) -> [Int] {
        Layout.lengths(total: totalWidth, constraints: columns.map(\.width), spacing: columnSpacing)
    }

    /// Draws the table as a fresh list would show it: scrolled just enough to show `selectedRow`.
    public func render(into buffer: inout Buffer, area: Rect) {
        var state = ListState(selected: selectedRow)
        render(into: &buffer, area: area, state: &state)
    }

    /// Draws the rows from `state.offset` on, highlighting `state.selected` and scrolling
    /// `state` as little as possible to keep it in view, so moving the selection inside the
    /// visible rows leaves the rows where they are. `selectedRow` is ignored.
    public func render(into buffer: inout Buffer, area: Rect, state: inout ListState) {
        guard !area.isEmpty else { return }
        let widths = columnWidths(totalWidth: area.width)
        writeRow(columns.map { $0.title.patched(with: headerStyle) }, widths: widths, y: area.y, into: &buffer, area: area)
        let visible = area.height - 1
        state.scrollToSelection(visibleRows: visible, count: rows.count)
        for row in 0..<max(0, visible) {
            let index = state.offset + row
            guard index < rows.count else { break }
            let y = area.y + 1 + row
            writeRow(rows[index], widths: widths, y: y, into: &buffer, area: area)
            if index == state.selected { buffer.patchStyle(area.row(1 + row), with: highlight) }
        }
    }

    private func writeRow(_ cells: [Line], widths: [Int], y: Int, into buffer: inout Buffer, area: Rect) {
        var x = area.x
        for (i, width) in widths.enumerated() {
            let cell = i < cells.count ? cells[i] : Line([])
            let fitted = TextFit.fit(cell, width: width, alignment: columns[i].alignment)
            buffer.write(fitted, at: Point(x: x, y: y), clip: area)
            x += width + columnSpacing
        }
    }
}
