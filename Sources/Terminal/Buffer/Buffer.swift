/// A grid of cells that a frame is drawn into; backends show the difference between two.
///
/// Writing never splits a wide character: when one would cross the clip edge, a space is
/// written instead, and overwriting half of a wide character blanks its other half, so a
/// Chinese column can never shift the columns after it.
///
/// ```swift
/// var buffer = Buffer(size: Size(width: 20, height: 2))
/// let used = buffer.write("低秩 LoRA", at: Point(x: 0, y: 0), style: Style(bold: true))  // 9
/// buffer.write("|", at: Point(x: used, y: 0))
/// buffer.lines()   // ["低秩 LoRA|", ""]
/// ```
public struct Buffer: Hashable, Sendable {
    /// Width and height in cells.
    public private(set) var size: Size
    /// Cells row by row.
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (a text field sets it); nil hides it.
    public var cursor: Point?

    /// A blank buffer of `size`.
    public init(size: Size) {
        self.size = size
        self.cells = Array(repeating: .blank, count: size.width * size.height)
    }

    /// The whole buffer as a rectangle at the origin.
    public var area: Rect { Rect(origin: .zero, size: size) }

    /// The cell at column `x`, row `y`; both must be inside. Setting it is raw: it does not
    /// keep wide characters whole (use `set` or `write` for that).
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// The cell at `point`, or nil outside the buffer.
    public func cell(at point: Point) -> Cell? {
        area.contains(point) ? self[point.x, point.y] : nil
    }

    /// Draws one grapheme at `point` and returns the columns it took (0, 1 or 2).
    ///
    /// A wide character that would cross the right edge of `clip` becomes a space.
    /// Zero-width and control characters are skipped.
    @discardableResult
    public mutating func set(_ symbol: Character, at point: Point, style: Style = .plain, clip: Rect? = nil) -> Int {
        let bounds = (clip ?? area).intersection(area)
        guard bounds.contains(point) else { return 0 }
        let width = DisplayWidth.of(symbol)
        if width == 0 { return 0 }
        if width == 2 && point.x + 1 >= bounds.right {
            place(Cell(" ", style: style), x: point.x, y: point.y)
            return 1
        }
        place(Cell(symbol, style: style), x: point.x, y: point.y)
        return width
    }

    /// Writes `text` from `point` rightwards on one row, clipped to `clip` (default: the
    /// whole buffer), and returns the columns used. Newlines and tabs are drawn as spaces.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, at point: Point, style: Style = .plain, clip: Rect? = nil) -> Int {
        write(text.map { ($0, style) }, at: point, clip: clip)
    }

    /// Writes a styled line from `point` rightwards, clipped to `clip`; returns the columns used.
    @discardableResult
    public mutating func write(_ line: Line, at point: Point, clip: Rect? = nil) -> Int {
        write(line.styledCharacters, at: point, clip: clip)
    }

    /// Writes `line` on the first row of `rect`, placed by `alignment` and cut with "…" when
    /// it does not fit; returns the columns used.
    @discardableResult
    public mutating func write(_ line: Line, in rect: Rect, alignment: Alignment = .left) -> Int {
        guard !rect.isEmpty else { return 0 }
        let fitted = TextFit.truncate(line, toWidth: rect.width)
        let x = rect.x + alignment.offset(textWidth: fitted.width, in: rect.width)
        return write(fitted, at: Point(x: x, y: rect.y), clip: rect)
    }

    /// Writes graphemes with their styles; the shared core of the `write` functions.
    @discardableResult
    public mutating func write(_ characters: some Sequence<(Character, Style)>, at point: Point, clip: Rect? = nil) -> Int {
        let bounds = (clip ?? area).intersection(area)
        guard point.y >= bounds.y, point.y < bounds.bottom else { return 0 }
        var x = point.x
        for (raw, style) in characters {
            let symbol: Character = (raw == "\t" || raw == "\n" || raw == "\r\n") ? " " : raw
            let width = DisplayWidth.of(symbol)
            if width == 0 { continue }
            if x >= bounds.right { break }
            if x + width <= bounds.x {
                // Wholly left of the clip (a scrolled text field): takes room, shows nothing.
                x += width
                continue
            }
            if x + width > bounds.right || x < bounds.x {
                // Cut by an edge: show the visible half as blank rather than half a glyph.
                for column in max(x, bounds.x)..<min(x + width, bounds.right) {
                    place(Cell(" ", style: style), x: column, y: point.y)
                }
            } else {
                place(Cell(symbol, style: style), x: x, y: point.y)
            }
            x += width
        }
        return max(0, min(x, bounds.right) - point.x)
    }

    /// Fills `rect` with `symbol` (a space by default) in `style`.
    public mutating func fill(_ rect: Rect, with symbol: Character = " ", style: Style = .plain) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.bottom {
            var x = r.x
            while x < r.right {
                x += max(1, set(symbol, at: Point(x: x, y: y), style: style, clip: r))
            }
        }
    }

    /// Blanks `rect` (default: everything) to spaces in the plain style.
    public mutating func clear(_ rect: Rect? = nil) {
        fill(rect ?? area, style: .plain)
    }

    /// Lays `style` over the cells of `rect` without changing their text (see `Style.patched`).
    public mutating func patchStyle(_ rect: Rect, with style: Style) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.bottom {
            for x in r.x..<r.right {
                self[x, y].style = self[x, y].style.patched(with: style)
            }
        }
    }

    /// Replaces the cells' style in `rect` with `style`, keeping the text.
    public mutating func setStyle(_ rect: Rect, to style: Style) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.bottom {
            for x in r.x..<r.right { self[x, y].style = style }
        }
    }

    /// The text of each row: wide characters once, continuation cells skipped.
    public func lines(trimmingTrailingSpaces trim: Bool = true) -> [String] {
        (0..<size.height).map { line(at: $0, trimmingTrailingSpaces: trim) }
    }

    /// The text of row `y` (see `lines`).
    public func line(at y: Int, trimmingTrailingSpaces trim: Bool = true) -> String {
        var s = ""
        for x in 0..<size.width where !self[x, y].isContinuation {
            s.append(self[x, y].symbol)
        }
        if trim {
            while s.last == " " { s.removeLast() }
        }
        return s
    }

    /// The rows joined by newlines, trailing spaces trimmed: the form snapshots compare.
    public var text: String { lines().joined(separator: "\n") }

    /// Puts `cell` (width 1 or 2) at (`x`, `y`), blanking any wide character it cuts in half.
    private mutating func place(_ cell: Cell, x: Int, y: Int) {
        let width = cell.width
        guard x >= 0, x + width <= size.width, y >= 0, y < size.height else { return }
        if self[x, y].isContinuation, x > 0 {
            // Overwriting the right half orphans the left half.
            self[x - 1, y] = Cell(" ", style: self[x - 1, y].style)
        }
        let end = x + width - 1
        if !self[end, y].isContinuation, self[end, y].width == 2, end + 1 < size.width {
            // Overwriting the left half orphans the right half.
            self[end + 1, y] = Cell(" ", style: self[end + 1, y].style)
        }
        self[x, y] = cell
        if width == 2 { self[x + 1, y] = .continuation(style: cell.style) }
    }
}
