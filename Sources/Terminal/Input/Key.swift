/// A key press, decoded from the terminal.
///
/// ```swift
/// switch key {
/// case .char("q"), .escape: return .quit
/// case .char("j"), .down: list.moveDown()
/// case .ctrl("d"): list.pageDown()
/// default: break
/// }
/// ```
public enum Key: Hashable, Sendable {
    /// A printable grapheme, including Chinese typed through an input method.
    case char(Character)
    /// Enter / Return.
    case enter
    /// Escape on its own.
    case escape
    /// Backspace (^H or DEL).
    case backspace
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    case up, down, left, right
    case pageUp, pageDown
    case home, end
    /// Forward delete.
    case delete
    case insert
    /// Control plus a letter, lower-case: `.ctrl("c")` is Ctrl-C.
    case ctrl(Character)
    /// Alt (Meta) plus a grapheme: ESC followed at once by that key.
    case alt(Character)
    /// F1...F12 and beyond.
    case function(Int)
    /// The terminal changed size.
    case resize
    /// A key the decoder does not name, with its raw code.
    case unknown(Int)
}

extension Key: CustomStringConvertible {
    /// A short name for key-hint bars and logs: "q", "Enter", "^C", "F1", "↑".
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .ctrl(let c): return "^" + String(c).uppercased()
        case .alt(let c): return "M-" + String(c)
        case .function(let n): return "F\(n)"
        case .resize: return "Resize"
        case .unknown(let code): return "key(\(code))"
        }
    }
}
