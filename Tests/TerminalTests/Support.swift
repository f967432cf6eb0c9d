@testable import Terminal

/// Draws `widget` into a fresh buffer of `width` × `height` and returns the buffer.
func rendered(_ widget: some Widget, width: Int, height: Int) -> Buffer {
    var buffer = Buffer(size: Size(width: width, height: height))
    widget.render(into: &buffer, area: buffer.area)
    return buffer
}

/// The display column at which `needle` starts in `line`, or nil.
func displayColumn(of needle: String, in line: String) -> Int? {
    guard let range = line.firstRange(of: needle) else { return nil }
    return DisplayWidth.of(line[..<range.lowerBound])
}
