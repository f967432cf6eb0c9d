/// A grid of braille dots, 2 wide and 4 high per cell (U+2800…U+28FF), for plotting lines
/// at four times the terminal's vertical resolution.
///
/// Dot (0, 0) is the top-left of the top-left cell. Each cell takes the colour of the last
/// dot drawn into it.
///
/// ```swift
/// var canvas = BrailleCanvas(columns: 20, rows: 5)   // 40 × 20 dots
/// canvas.drawLine(from: (0, 19), to: (39, 0), color: .green)
/// canvas.render(into: &buffer, area: plotArea)
/// ```
public struct BrailleCanvas: Hashable, Sendable {
    /// Width in cells.
    public let columns: Int
    /// Height in cells.
    public let rows: Int
    private var bits: [UInt8]
    private var colors: [Color]

    /// An empty canvas of `columns` × `rows` cells.
    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        bits = Array(repeating: 0, count: self.columns * self.rows)
        colors = Array(repeating: .default, count: self.columns * self.rows)
    }

    /// Width in dots.
    public var dotWidth: Int { columns * 2 }
    /// Height in dots.
    public var dotHeight: Int { rows * 4 }

    /// The bit of each dot within its cell, by [row][column] (Unicode braille numbering).
    private static let dotBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// Sets the dot at (`x`, `y`); dots outside the canvas are ignored.
    public mutating func setDot(x: Int, y: Int, color: Color = .default) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let index = (y / 4) * columns + x / 2
        bits[index] |= BrailleCanvas.dotBits[y % 4][x % 2]
        colors[index] = color
    }

    /// True when the dot at (`x`, `y`) is set.
    public func isSet(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return false }
        return bits[(y / 4) * columns + x / 2] & BrailleCanvas.dotBits[y % 4][x % 2] != 0
    }

    /// Draws a straight line of dots between two points given in dot coordinates; the part
    /// outside the canvas is clipped away.
    public mutating func drawLine(from start: (x: Double, y: Double), to end: (x: Double, y: Double), color: Color = .default) {
        guard let (a, b) = clip(start, end) else { return }
        var x0 = Int(a.x.rounded()), y0 = Int(a.y.rounded())
        let x1 = Int(b.x.rounded()), y1 = Int(b.y.rounded())
        // Bresenham: step along the longer axis, accumulating the error on the shorter one.
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        while true {
            setDot(x: x0, y: y0, color: color)
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x0 += sx }
            if e2 <= dx { error += dx; y0 += sy }
        }
    }

    /// Liang–Barsky clipping of a segment to the dot area; nil when nothing is left.
    private func clip(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> ((x: Double, y: Double), (x: Double, y: Double))? {
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite, dotWidth > 0, dotHeight > 0 else { return nil }
        let maxX = Double(dotWidth - 1), maxY = Double(dotHeight - 1)
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        // One edge at a time: p is the motion towards the edge, q the room before it.
        func edge(_ p: Double, _ q: Double) -> Bool {
            if p == 0 { return q >= 0 }
            let t = q / p
            if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            return t0 <= t1
        }
        guard edge(-dx, a.x), edge(dx, maxX - a.x), edge(-dy, a.y), edge(dy, maxY - a.y) else { return nil }
        return ((a.x + t0 * dx, a.y + t0 * dy), (a.x + t1 * dx, a.y + t1 * dy))
    }

    /// The braille character of cell (`column`, `row`), nil when it has no dots.
    public func character(column: Int, row: Int) -> Character? {
        let value = bits[row * columns + column]
        guard value != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(value)) else { return nil }
        return Character(scalar)
    }

    /// Writes the non-empty cells into `area`'s top-left corner; empty cells are left as they are.
    public func render(into buffer: inout Buffer, area: Rect, style: Style = .plain) {
        for row in 0..<min(rows, area.height) {
            for column in 0..<min(columns, area.width) {
                guard let symbol = character(column: column, row: row) else { continue }
                let color = colors[row * columns + column]
                buffer.set(symbol, at: Point(x: area.x + column, y: area.y + row), style: style.fg(color), clip: area)
            }
        }
    }
}
