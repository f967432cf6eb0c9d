/// A rectangle of cells; widgets render into one.
///
/// ```swift
/// let area = Rect(x: 0, y: 0, width: 80, height: 24)
/// let body = area.inset(by: 1)                       // inside a border
/// let (top, bottom) = (area.row(0), area.rows(from: 1))
/// let centered = area.centered(width: 40, height: 10) // a modal's place
/// ```
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    /// Left column.
    public var x: Int
    /// Top row.
    public var y: Int
    /// Columns; never negative.
    public var width: Int
    /// Rows; never negative.
    public var height: Int

    /// A rectangle whose top-left corner is (`x`, `y`); negative sizes become 0.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// A rectangle at `origin` of the given size.
    public init(origin: Point = .zero, size: Size) {
        self.init(x: origin.x, y: origin.y, width: size.width, height: size.height)
    }

    /// Top-left corner.
    public var origin: Point { Point(x: x, y: y) }
    /// Width and height.
    public var size: Size { Size(width: width, height: height) }
    /// One past the last column.
    public var right: Int { x + width }
    /// One past the last row.
    public var bottom: Int { y + height }
    /// True when the rectangle holds no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// Cells covered.
    public var area: Int { width * height }

    /// True when `point` lies inside.
    public func contains(_ point: Point) -> Bool {
        point.x >= x && point.x < right && point.y >= y && point.y < bottom
    }

    /// The part shared with `other` (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let r = min(right, other.right), b = min(bottom, other.bottom)
        return Rect(x: left, y: top, width: r - left, height: b - top)
    }

    /// Shrunk by `margin` cells on every side.
    public func inset(by margin: Int) -> Rect {
        inset(horizontal: margin, vertical: margin)
    }

    /// Shrunk by `horizontal` columns left and right and `vertical` rows top and bottom.
    public func inset(horizontal: Int, vertical: Int) -> Rect {
        inset(top: vertical, left: horizontal, bottom: vertical, right: horizontal)
    }

    /// Shrunk by a different margin on each side; never smaller than empty.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let w = max(0, width - left - right), h = max(0, height - top - bottom)
        return Rect(x: x + min(left, width), y: y + min(top, height), width: w, height: h)
    }

    /// The single row at `index` (counted from the top; negative counts from the bottom).
    public func row(_ index: Int) -> Rect {
        let i = index < 0 ? height + index : index
        guard i >= 0, i < height else { return Rect(x: x, y: y + max(0, min(i, height)), width: width, height: 0) }
        return Rect(x: x, y: y + i, width: width, height: 1)
    }

    /// The rows from `index` down to the bottom.
    public func rows(from index: Int) -> Rect {
        inset(top: index)
    }

    /// A rectangle of at most `width` × `height` centered inside this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width), ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    public var description: String { "Rect(\(x),\(y) \(width)×\(height))" }
}
