/// What a screen asks the event loop to do after handling a key or an update.
public enum Action: Hashable, Sendable {
    /// Keep going; the loop redraws (only changed cells reach the terminal).
    case none
    /// Keep going, but repaint every cell (after something may have scribbled on the terminal).
    case repaintAll
    /// End the session.
    case quit
}

extension Action {
    /// The stronger of two actions, for when several arrive in one tick: quit, then repaint.
    public func combined(with other: Action) -> Action {
        if self == .quit || other == .quit { return .quit }
        if self == .repaintAll || other == .repaintAll { return .repaintAll }
        return .none
    }
}

/// Something the event loop drives: it draws itself into a buffer and reacts to keys.
/// The app's root screen implements this and does its own navigation inside.
///
/// ```swift
/// struct Counter: Screen {
///     var count = 0
///     var minimumSize: Size { Size(width: 20, height: 3) }
///     mutating func render(into buffer: inout Buffer, area: Rect) {
///         buffer.write("count: \(count)", at: area.origin, style: Style(bold: true))
///     }
///     mutating func handle(_ key: Key) -> Action {
///         switch key {
///         case .char("q"): return .quit
///         case .char("+"): count += 1; return .none
///         default: return .none
///         }
///     }
/// }
/// ```
public protocol Screen {
    /// The smallest terminal the screen can be drawn in; below it the loop shows a notice.
    var minimumSize: Size { get }
    /// Draws the whole screen into `area` of `buffer` (a fresh, blank buffer each frame).
    mutating func render(into buffer: inout Buffer, area: Rect)
    /// Reacts to one key (never `.resize`, which the loop handles by redrawing). An error
    /// thrown here ends the session: the terminal is restored, then `run` rethrows it.
    /// Implementations that cannot fail may drop the `throws`.
    mutating func handle(_ key: Key) throws -> Action
}

/// Draws a screen for one frame, or the "terminal too small" notice when it does not fit.
public enum Frame {
    /// The frame `screen` shows on a terminal of `size`.
    public static func render(_ screen: inout some Screen, size: Size) -> Buffer {
        var buffer = Buffer(size: size)
        let needed = screen.minimumSize
        if size.covers(needed) {
            screen.render(into: &buffer, area: buffer.area)
        } else {
            TooSmallNotice(needed: needed).render(into: &buffer, area: buffer.area)
        }
        return buffer
    }
}

/// "terminal too small (need W×H)", centered. When that does not fit on one row it becomes
/// two, "terminal too small" over "need W×H", so the size is never split across rows; only
/// a terminal narrower than those wraps further.
public struct TooSmallNotice: Widget, Hashable, Sendable {
    /// The size the screen asks for.
    public var needed: Size

    /// A notice asking for `needed`.
    public init(needed: Size) {
        self.needed = needed
    }

    /// The notice on one row.
    public var message: String { "terminal too small (need \(needed.width)×\(needed.height))" }

    /// The rows the notice takes in `width` columns.
    public func lines(width: Int) -> [String] {
        if DisplayWidth.of(message) <= width { return [message] }
        return ["terminal too small", "need \(needed.width)×\(needed.height)"].flatMap { TextWrapper.wrap($0, width: width) }
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let lines = lines(width: area.width)
        let top = area.y + max(0, (area.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < area.bottom {
            let x = area.x + max(0, (area.width - DisplayWidth.of(line)) / 2)
            buffer.write(line, at: Point(x: x, y: top + i), style: Style(fg: .yellow, bold: true), clip: area)
        }
    }
}
