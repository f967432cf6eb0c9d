/// A centered, bordered box drawn over whatever is on screen: help, confirmations, notices.
///
/// ```swift
/// if showingHelp {
///     HelpOverlay(title: "Keys 按键", lines: ["j/k  move", "Enter  open", "q  back"])
///         .render(into: &buffer, area: area)
/// }
/// ```
public struct HelpOverlay: Widget, Hashable, Sendable {
    /// Set into the top border.
    public var title: Line
    /// The body, wrapped to the box.
    public var lines: [Line]
    /// Set into the bottom border, e.g. "any key closes".
    public var footer: Line?
    /// The widest the body may be, in columns.
    public var maxBodyWidth: Int
    /// Style of the border.
    public var borderStyle: Style

    /// An overlay; the body is at most 60 columns wide.
    public init(title: Line, lines: [Line], footer: Line? = nil, maxBodyWidth: Int = 60, borderStyle: Style = Style(fg: .cyan)) {
        self.title = title
        self.lines = lines
        self.footer = footer
        self.maxBodyWidth = maxBodyWidth
        self.borderStyle = borderStyle
    }

    /// Where the box goes inside `area`: sized to the text, centered, with one blank
    /// column of padding inside the border.
    public func boxRect(in area: Rect) -> Rect {
        let widest = max(lines.map(\.width).max() ?? 0, title.width + 2, (footer?.width ?? 0) + 2)
        let bodyWidth = max(1, min(widest, maxBodyWidth, area.width - 4))
        let bodyHeight = TextWrapper.wrap(lines, width: bodyWidth).count
        return area.centered(width: bodyWidth + 4, height: bodyHeight + 2)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let box = boxRect(in: area)
        guard box.width >= 3, box.height >= 2 else { return }
        buffer.clear(box)
        let border = Border(title: title, kind: .rounded, style: borderStyle)
        border.render(into: &buffer, area: box)
        if let footer, box.width > 4 {
            let text = TextFit.truncate(footer, toWidth: box.width - 4)
            let x = box.right - 2 - text.width
            buffer.write(text, at: Point(x: x, y: box.bottom - 1), clip: box)
        }
        Paragraph(lines: lines).render(into: &buffer, area: border.inner(of: box).inset(horizontal: 1, vertical: 0))
    }
}
