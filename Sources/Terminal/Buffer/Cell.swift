/// One terminal cell: a grapheme and its style.
///
/// A wide character (CJK, most emoji) lives in two cells: the first holds the character,
/// the second is a continuation cell that holds nothing of its own and is never drawn.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown here (a space for blank cells and continuation cells).
    public var symbol: Character
    /// Colours and attributes.
    public var style: Style
    /// True for the right half of a wide character.
    public var isContinuation: Bool

    /// A cell showing `symbol` in `style`.
    public init(_ symbol: Character = " ", style: Style = .plain) {
        self.symbol = symbol
        self.style = style
        self.isContinuation = false
    }

    /// A blank cell.
    public static let blank = Cell()

    /// The right half of a wide character drawn in `style`.
    public static func continuation(style: Style) -> Cell {
        var cell = Cell(" ", style: style)
        cell.isContinuation = true
        return cell
    }

    /// Columns this cell's symbol takes when drawn: 0 for continuation cells, else 1 or 2.
    public var width: Int {
        isContinuation ? 0 : max(1, DisplayWidth.of(symbol))
    }
}
