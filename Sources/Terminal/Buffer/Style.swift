/// How a cell looks: colours and attributes.
///
/// ```swift
/// let title = Style(fg: .yellow, bold: true)
/// let hint = Style.plain.dimmed()
/// let selected = Style(reverse: true)   // still visible with NO_COLOR
/// ```
public struct Style: Hashable, Sendable {
    /// Foreground (text) colour.
    public var fg: Color
    /// Background colour.
    public var bg: Color
    /// Bold (or bright) text.
    public var bold: Bool
    /// Faint text.
    public var dim: Bool
    /// Underlined text.
    public var underline: Bool
    /// Foreground and background swapped.
    public var reverse: Bool

    /// A style; everything defaults to the terminal's plain look.
    public init(
        fg: Color = .default, bg: Color = .default,
        bold: Bool = false, dim: Bool = false, underline: Bool = false, reverse: Bool = false
    ) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// The same style with foreground `color`.
    public func fg(_ color: Color) -> Style { var s = self; s.fg = color; return s }
    /// The same style with background `color`.
    public func bg(_ color: Color) -> Style { var s = self; s.bg = color; return s }
    /// The same style, bold.
    public func bolded() -> Style { var s = self; s.bold = true; return s }
    /// The same style, dim.
    public func dimmed() -> Style { var s = self; s.dim = true; return s }
    /// The same style, underlined.
    public func underlined() -> Style { var s = self; s.underline = true; return s }
    /// The same style, reversed.
    public func reversed() -> Style { var s = self; s.reverse = true; return s }

    /// `overlay` laid on top of this style: its non-default colours win, attributes add up.
    /// Used to highlight a row without losing the colours of the text in it.
    public func patched(with overlay: Style) -> Style {
        Style(
            fg: overlay.fg == .default ? fg : overlay.fg,
            bg: overlay.bg == .default ? bg : overlay.bg,
            bold: bold || overlay.bold, dim: dim || overlay.dim,
            underline: underline || overlay.underline, reverse: reverse || overlay.reverse)
    }
}
