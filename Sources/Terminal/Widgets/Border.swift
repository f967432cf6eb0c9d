/// A box drawn around an area, with an optional title on the top edge.
///
/// ```swift
/// let border = Border(title: "复习 Review", kind: .rounded)
/// border.render(into: &buffer, area: panel)
/// let inside = border.inner(of: panel)
/// ```
public struct Border: Widget, Hashable, Sendable {
    /// The line-drawing characters used.
    public enum Kind: Hashable, Sendable {
        case plain, rounded, double, thick

        /// Top-left, top-right, bottom-left, bottom-right, horizontal, vertical.
        var glyphs: (Character, Character, Character, Character, Character, Character) {
            switch self {
            case .plain: return ("┌", "┐", "└", "┘", "─", "│")
            case .rounded: return ("╭", "╮", "╰", "╯", "─", "│")
            case .double: return ("╔", "╗", "╚", "╝", "═", "║")
            case .thick: return ("┏", "┓", "┗", "┛", "━", "┃")
            }
        }
    }

    /// Text set into the top edge.
    public var title: Line?
    /// Where the title sits along the top edge.
    public var titleAlignment: Alignment
    /// Which characters draw the box.
    public var kind: Kind
    /// Style of the lines.
    public var style: Style

    /// A border; `title` is optional.
    public init(title: Line? = nil, kind: Kind = .rounded, style: Style = .plain, titleAlignment: Alignment = .left) {
        self.title = title
        self.kind = kind
        self.style = style
        self.titleAlignment = titleAlignment
    }

    /// The area inside the border.
    public func inner(of area: Rect) -> Rect {
        area.inset(by: 1)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        let (tl, tr, bl, br, h, v) = kind.glyphs
        for x in area.x + 1..<area.right - 1 {
            buffer.set(h, at: Point(x: x, y: area.y), style: style)
            buffer.set(h, at: Point(x: x, y: area.bottom - 1), style: style)
        }
        for y in area.y + 1..<area.bottom - 1 {
            buffer.set(v, at: Point(x: area.x, y: y), style: style)
            buffer.set(v, at: Point(x: area.right - 1, y: y), style: style)
        }
        buffer.set(tl, at: Point(x: area.x, y: area.y), style: style)
        buffer.set(tr, at: Point(x: area.right - 1, y: area.y), style: style)
        buffer.set(bl, at: Point(x: area.x, y: area.bottom - 1), style: style)
        buffer.set(br, at: Point(x: area.right - 1, y: area.bottom - 1), style: style)
        if let title, area.width > 4 {
            // " title " between the corners, one line character kept at each end.
            let room = area.width - 4
            let text = TextFit.truncate(title, toWidth: room - 2)
            let padded = Line([Span(" ", style: style)] + text.spans + [Span(" ", style: style)])
            let x = area.x + 2 + titleAlignment.offset(textWidth: padded.width, in: room)
            buffer.write(padded, at: Point(x: x, y: area.y), clip: area.inset(horizontal: 1, vertical: 0))
        }
    }
}
