/// One key and what it does, for a key-hint bar.
public struct KeyHint: Hashable, Sendable {
    /// The key as shown: "q", "j/k", "Enter".
    public var key: String
    /// What it does: "quit".
    public var label: String

    /// A hint: `KeyHint("q", "quit")`.
    public init(_ key: String, _ label: String) {
        self.key = key
        self.label = label
    }
}

/// A bottom line of key hints, "q quit  ? help  j/k move"; hints that do not fit are left
/// out whole rather than cut.
///
/// ```swift
/// KeyHintBar([KeyHint("q", "quit"), KeyHint("?", "help"), KeyHint("j/k", "move")])
///     .render(into: &buffer, area: area.row(-1))
/// ```
public struct KeyHintBar: Widget, Hashable, Sendable {
    /// The hints, most important first.
    public var hints: [KeyHint]
    /// Style of the keys.
    public var keyStyle: Style
    /// Style of the labels.
    public var labelStyle: Style

    /// A bar with bold keys and dim labels.
    public init(_ hints: [KeyHint], keyStyle: Style = Style(bold: true), labelStyle: Style = Style(dim: true)) {
        self.hints = hints
        self.keyStyle = keyStyle
        self.labelStyle = labelStyle
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        var x = area.x
        for (i, hint) in hints.enumerated() {
            let line = Line([Span(i == 0 ? "" : "  "), Span(hint.key, style: keyStyle), Span(" " + hint.label, style: labelStyle)])
            guard x + line.width <= area.right else { break }
            x += buffer.write(line, at: Point(x: x, y: area.y), clip: area)
        }
    }
}
