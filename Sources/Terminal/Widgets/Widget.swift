/// A value that draws itself into a rectangle of a buffer: labels, lists, charts, boxes.
///
/// ```swift
/// Paragraph("低秩适配 (LoRA) adds a low-rank update.").render(into: &buffer, area: body)
/// ```
public protocol Widget {
    /// Draws into `area` of `buffer`, never outside it.
    func render(into buffer: inout Buffer, area: Rect)
}

/// Where text sits across the width it is given.
public enum Alignment: Hashable, Sendable {
    case left, center, right

    /// Columns to skip before text of `textWidth` in `width` columns.
    public func offset(textWidth: Int, in width: Int) -> Int {
        let room = max(0, width - textWidth)
        switch self {
        case .left: return 0
        case .center: return room / 2
        case .right: return room
        }
    }
}

extension Buffer {
    /// Draws `widget` into `area`; reads well at call sites: `buffer.render(list, in: body)`.
    public mutating func render(_ widget: some Widget, in area: Rect) {
        widget.render(into: &self, area: area)
    }
}
