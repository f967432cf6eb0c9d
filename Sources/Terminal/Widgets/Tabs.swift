/// A row of tab titles with the current one highlighted: " 复习 │ Quiz │ Lab ".
///
/// ```swift
/// Tabs(titles: ["Home", "复习 Review", "Lab"], selected: 1).render(into: &buffer, area: header)
/// ```
public struct Tabs: Widget, Hashable, Sendable {
    /// The titles, left to right.
    public var titles: [Line]
    /// The current tab.
    public var selected: Int
    /// Laid over the current title.
    public var highlight: Style
    /// Drawn between titles.
    public var divider: Span

    /// Tabs with `selected` shown bold and reversed.
    public init(titles: [Line], selected: Int, highlight: Style = Style(bold: true, reverse: true), divider: Span = Span("│", style: Style(dim: true))) {
        self.titles = titles
        self.selected = selected
        self.highlight = highlight
        self.divider = divider
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        var x = area.x
        for (i, title) in titles.enumerated() {
            if i > 0 { x += buffer.write(Line([divider]), at: Point(x: x, y: area.y), clip: area) }
            var padded = Line([Span(" ")] + title.spans + [Span(" ")])
            if i == selected { padded = padded.patched(with: highlight) }
            x += buffer.write(padded, at: Point(x: x, y: area.y), clip: area)
            if x >= area.right { break }
        }
    }
}
