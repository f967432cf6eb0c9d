import CNcursesw

/// Turns what `get_wch` returned into a `Key`; pure, so it is tested without a terminal.
public enum KeyDecoder {
    /// What `wget_wch` reported: a character (`OK`), a function key (`KEY_CODE_YES`), or nothing.
    public enum Status: Sendable {
        /// `OK`: `code` is a wide character.
        case character
        /// `KEY_CODE_YES`: `code` is a `KEY_*` constant.
        case functionKey
    }

    /// The key for a character read with status `OK`.
    public static func decodeCharacter(_ code: UInt32) -> Key? {
        switch code {
        case 0x0A, 0x0D: return .enter
        case 0x09: return .tab
        case 0x08, 0x7F: return .backspace
        case 0x1B: return .escape
        case 0x00: return .ctrl(" ")
        case 0x01...0x1A:
            // ^A is 1 ... ^Z is 26.
            return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + code))))
        case 0x1C...0x1F: return .unknown(Int(code))
        default:
            guard let scalar = Unicode.Scalar(code) else { return .unknown(Int(code)) }
            return .char(Character(scalar))
        }
    }

    /// The key for a code read with status `KEY_CODE_YES`.
    public static func decodeFunctionKey(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case dojo_key_resize(): return .resize
        case KEY_F0 + 1...KEY_F0 + 63: return .function(Int(code - KEY_F0))
        default: return .unknown(Int(code))
        }
    }

    /// The key for one `wget_wch` result.
    public static func decode(status: Status, code: UInt32) -> Key? {
        switch status {
        case .character: return decodeCharacter(code)
        case .functionKey: return decodeFunctionKey(Int32(bitPattern: code))
        }
    }

    /// Joins an escape with the key read right after it: ESC then `q` is Alt-q.
    public static func combineEscape(with next: Key?) -> Key {
        if case .char(let c)? = next { return .alt(c) }
        return .escape
    }
}
