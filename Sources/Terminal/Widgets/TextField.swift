/// A one-line text input: cursor movement, whole-grapheme deletion (a Chinese character
/// goes in one backspace), and horizontal scrolling when the text outgrows the field.
/// Keep it in the screen's state; render it each frame.
///
/// ```swift
/// var answer = TextField(placeholder: "type your answer 输入答案")
/// _ = answer.handle(.char("低"))        // true: consumed
/// answer.render(into: &buffer, area: inputRow)   // also places the cursor
/// ```
public struct TextField: Hashable, Sendable {
    /// The text typed so far.
    public private(set) var text: String
    /// The cursor, as a count of graphemes before it (0...text.count).
    public private(set) var cursor: Int
    /// Columns scrolled off the left edge, kept between frames so the view does not jump.
    public private(set) var scroll = 0
    /// Shown dim while the field is empty.
    public var placeholder: String
    /// Style of the text.
    public var style: Style

    /// A field holding `text`, cursor at its end.
    public init(text: String = "", placeholder: String = "", style: Style = Style(underline: true)) {
        self.text = text
        self.cursor = text.count
        self.placeholder = placeholder
        self.style = style
    }

    /// Columns of text before the cursor.
    public var cursorColumn: Int { DisplayWidth.of(text.prefix(cursor)) }

    /// Replaces the text and puts the cursor at its end.
    public mutating func setText(_ newText: String) {
        text = newText
        cursor = newText.count
    }

    /// Inserts `string` at the cursor and moves the cursor after it.
    public mutating func insert(_ string: String) {
        let before = String(text.prefix(cursor)) + string
        text = before + String(text.dropFirst(cursor))
        // Counted on the joined text: a combining mark merges into the grapheme before it.
        cursor = min(text.count, before.count)
    }

    /// Edits for `key`: printable keys insert, ←/→/Home/End (^A/^E) move, Backspace and
    /// Delete remove one grapheme, ^U clears before the cursor, ^K after it, ^W a word.
    /// Returns false for keys it does not use (Enter, Esc, Tab, ↑/↓…).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            insert(String(c))
        case .backspace:
            guard cursor > 0 else { return true }
            remove(from: cursor - 1, to: cursor)
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < text.count else { return true }
            remove(from: cursor, to: cursor + 1)
        case .left, .ctrl("b"):
            cursor = max(0, cursor - 1)
        case .right, .ctrl("f"):
            cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"):
            cursor = 0
        case .end, .ctrl("e"):
            cursor = text.count
        case .ctrl("u"):
            remove(from: 0, to: cursor)
            cursor = 0
        case .ctrl("k"):
            remove(from: cursor, to: text.count)
        case .ctrl("w"):
            let characters = Array(text.prefix(cursor))
            var start = characters.count
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            remove(from: start, to: cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    private mutating func remove(from start: Int, to end: Int) {
        text = String(text.prefix(start)) + String(text.dropFirst(end))
    }

    /// Draws the visible part of the text on the first row of `area`, scrolling so the cursor
    /// shows, and places the buffer's cursor when `focused`.
    public mutating func render(into buffer: inout Buffer, area: Rect, focused: Bool = true) {
        let row = area.row(0)
        guard !row.isEmpty else { return }
        buffer.fill(row, style: style)
        if text.isEmpty && !placeholder.isEmpty {
            buffer.write(placeholder, at: row.origin, style: style.dimmed(), clip: row)
        }
        let column = cursorColumn
        let underCursor = cursor < text.count ? max(1, DisplayWidth.of(Array(text)[cursor])) : 1
        // Keep the cursor cell (all of a wide character under it) inside the field,
        // moving the view as little as possible.
        if column < scroll { scroll = column }
        if column + underCursor > scroll + row.width { scroll = column + underCursor - row.width }
        scroll = max(0, min(scroll, max(0, DisplayWidth.of(text) + 1 - row.width)))
        if !text.isEmpty {
            buffer.write(text, at: Point(x: row.x - scroll, y: row.y), style: style, clip: row)
        }
        if focused { buffer.cursor = Point(x: row.x + column - scroll, y: row.y) }
    }
}
