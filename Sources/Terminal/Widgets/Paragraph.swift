/// A block of text, wrapped to its area (or cut at the edge), optionally scrolled.
///
/// ```swift
/// let answer = Paragraph(lines: ["低秩适配 (LoRA)", Line("freezes W and learns BA.", style: .plain.dimmed())])
/// answer.render(into: &buffer, area: body)
/// let rows = answer.height(forWidth: body.width)   // for a scroll bar
/// ```
public struct Paragraph: Widget, Hashable, Sendable {
    /// The text, one entry per hard line.
    public var lines: [Line]
    /// Wrap at the area's width (true) or cut each line at the right edge (false).
    public var wraps: Bool
    /// Placement of each line across the width.
    public var alignment: Alignment
    /// Rows skipped at the top (after wrapping).
    public var scroll: Int

    /// A paragraph of styled lines.
    public init(lines: [Line], wraps: Bool = true, alignment: Alignment = .left, scroll: Int = 0) {
        self.lines = lines
        self.wraps = wraps
        self.alignment = alignment
        self.scroll = scroll
    }

    /// A paragraph of plain text in one style; "\n" separates lines.
    public init(_ text: String, style: Style = .plain, wraps: Bool = true, alignment: Alignment = .left) {
        self.init(lines: [Line(text, style: style)], wraps: wraps, alignment: alignment)
    }

    /// The lines as they will be drawn in `width` columns.
    public func layoutLines(width: Int) -> [Line] {
        if wraps { return TextWrapper.wrap(lines, width: width) }
        return lines.flatMap { line in
            line.plainText.contains("\n") ? TextWrapper.wrap(line, width: Int.max / 2) : [line]
        }
    }

    /// Rows the paragraph needs at `width`.
    public func height(forWidth width: Int) -> Int {
        layoutLines(width: width).count
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let shown = layoutLines(width: area.width).dropFirst(max(0, scroll)).prefix(area.height)
        for (row, line) in shown.enumerated() {
            let x = area.x + alignment.offset(textWidth: line.width, in: area.width)
            buffer.write(line, at: Point(x: x, y: area.y + row), clip: area)
        }
    }
}
