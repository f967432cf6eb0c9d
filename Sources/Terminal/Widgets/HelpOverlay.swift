/// A centered, bordered box drawn over whatever is on screen: help, confirmations, notices.
///
/// When the body is taller than the screen allows, the box shows the rows from `scroll`
/// on and marks the borders "↑ more" / "↓ more", so nothing is cut off without a sign.
///
/// ```swift
/// if showingHelp {
///     var help = HelpOverlay(title: "Keys 按键", lines: ["j/k  move", "Enter  open", "q  back"])
///     help.scroll = min(helpScroll, help.maxScroll(in: area))
///     help.render(into: &buffer, area: area)
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
    /// Body rows (after wrapping) skipped at the top.
    public var scroll: Int

    /// An overlay; the body is at most 60 columns wide.
    public init(title: Line, lines: [Line], footer: Line? = nil, maxBodyWidth: Int = 60,
                borderStyle: Style = Style(fg: .cyan), scroll: Int = 0) {
        self.title = title
        self.lines = lines
        self.footer = footer
        self.maxBodyWidth = maxBodyWidth
        self.borderStyle = borderStyle
        self.scroll = scroll
    }

    /// Marks set into the borders when the body does not fit.
    public static let moreAbove = "↑ more"
    public static let moreBelow = "↓ more"

    private func bodyWidth(in area: Rect) -> Int {
        let limit = min(maxBodyWidth, area.width - 4)
        var widest = max(lines.map(\.width).max() ?? 0, title.width + 2, (footer?.width ?? 0) + 2)
        if TextWrapper.wrap(lines, width: max(1, min(widest, limit))).count + 2 > area.height {
            // It will scroll: leave room for the marks beside the footer and the title.
            widest = max(widest, DisplayWidth.of(Self.moreBelow) + 3 + (footer?.width ?? 0),
                         DisplayWidth.of(Self.moreAbove) + 5 + title.width)
        }
        return max(1, min(widest, limit))
    }

    private func body(in area: Rect) -> [Line] {
        TextWrapper.wrap(lines, width: bodyWidth(in: area))
    }

    /// Where the box goes inside `area`: sized to the text (at most `area`), centered, with
    /// one blank column of padding inside the border.
    public func boxRect(in area: Rect) -> Rect {
        area.centered(width: bodyWidth(in: area) + 4, height: body(in: area).count + 2)
    }

    /// The largest useful `scroll` in `area`: 0 when the whole body fits.
    public func maxScroll(in area: Rect) -> Int {
        max(0, body(in: area).count - max(0, boxRect(in: area).height - 2))
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let box = boxRect(in: area)
        guard box.width >= 3, box.height >= 2 else { return }
        buffer.clear(box)
        let border = Border(title: title, kind: .rounded, style: borderStyle)
        border.render(into: &buffer, area: box)
        let inner = border.inner(of: box).inset(horizontal: 1, vertical: 0)
        let rows = body(in: area)
        let first = min(max(0, scroll), maxScroll(in: area))
        for (i, line) in rows.dropFirst(first).prefix(inner.height).enumerated() {
            buffer.write(line, at: Point(x: inner.x, y: inner.y + i), clip: inner)
        }
        let edge = box.inset(horizontal: 2, vertical: 0)
        var footerRoom = box.width - 4
        if first + inner.height < rows.count {
            let mark = Line(" \(Self.moreBelow) ", style: borderStyle)
            footerRoom -= mark.width + 1
            buffer.write(mark, at: Point(x: edge.x, y: box.bottom - 1), clip: edge)
        }
        if first > 0 {
            let mark = Line(" \(Self.moreAbove) ", style: borderStyle)
            buffer.write(mark, at: Point(x: edge.right - mark.width, y: box.y), clip: edge)
        }
        if let footer, footerRoom > 0 {
            let text = TextFit.truncate(footer, toWidth: footerRoom)
            buffer.write(text, at: Point(x: edge.right - text.width, y: box.bottom - 1), clip: edge)
        }
    }
}
