/// A piece of text in one style.
public struct Span: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The text; may hold any Unicode, including CJK.
    public var text: String
    /// How it looks.
    public var style: Style

    /// `text` drawn in `style`.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Columns the text takes.
    public var width: Int { DisplayWidth.of(text) }
}

/// One line of styled text: spans drawn one after another.
///
/// ```swift
/// let line: Line = ["Due: ", Span("12", style: Style(fg: .yellow, bold: true)), " cards"]
/// let plain: Line = "低秩适配 LoRA"
/// ```
public struct Line: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    /// The spans, left to right.
    public var spans: [Span]

    /// A line made of `spans`.
    public init(_ spans: [Span]) {
        self.spans = spans
    }

    /// A line of `text` in one `style`.
    public init(_ text: String, style: Style = .plain) {
        self.spans = [Span(text, style: style)]
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(arrayLiteral elements: Span...) {
        self.init(elements)
    }

    /// The text without styles.
    public var plainText: String { spans.map(\.text).joined() }

    /// Columns the line takes.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// Every grapheme with its style, in order.
    public var styledCharacters: [(Character, Style)] {
        spans.flatMap { span in span.text.map { ($0, span.style) } }
    }

    /// A line rebuilt from graphemes, merging neighbours of equal style into one span.
    public init(styledCharacters: some Sequence<(Character, Style)>) {
        var spans: [Span] = []
        for (ch, style) in styledCharacters {
            if let last = spans.last, last.style == style {
                spans[spans.count - 1].text.append(ch)
            } else {
                spans.append(Span(String(ch), style: style))
            }
        }
        self.spans = spans
    }

    /// The same line with `style` laid over every span (see `Style.patched(with:)`).
    public func patched(with style: Style) -> Line {
        Line(spans.map { Span($0.text, style: $0.style.patched(with: style)) })
    }
}
