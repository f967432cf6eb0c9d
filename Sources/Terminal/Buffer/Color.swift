/// A terminal colour: the terminal's own default, one of the 16 ANSI colours, or a
/// 256-colour palette index. Backends with fewer colours map to the nearest they have.
///
/// ```swift
/// Style(fg: .cyan)                       // ANSI 6
/// Style(fg: .indexed(208), bold: true)   // orange on 256-colour terminals
/// Style(fg: .rgb(5, 2, 0))               // the same orange, from the 6×6×6 cube
/// ```
public enum Color: Hashable, Sendable {
    /// Whatever the terminal uses when nothing is asked.
    case `default`
    /// ANSI colour 0...15 (8...15 are the bright variants).
    case ansi(UInt8)
    /// 256-colour palette index: 0...15 ANSI, 16...231 the colour cube, 232...255 greys.
    case indexed(UInt8)

    /// ANSI colour 0.
    public static let black = Color.ansi(0)
    /// ANSI colour 1.
    public static let red = Color.ansi(1)
    /// ANSI colour 2.
    public static let green = Color.ansi(2)
    /// ANSI colour 3.
    public static let yellow = Color.ansi(3)
    /// ANSI colour 4.
    public static let blue = Color.ansi(4)
    /// ANSI colour 5.
    public static let magenta = Color.ansi(5)
    /// ANSI colour 6.
    public static let cyan = Color.ansi(6)
    /// ANSI colour 7.
    public static let white = Color.ansi(7)
    /// ANSI colour 8.
    public static let gray = Color.ansi(8)
    /// ANSI colour 9.
    public static let brightRed = Color.ansi(9)
    /// ANSI colour 10.
    public static let brightGreen = Color.ansi(10)
    /// ANSI colour 11.
    public static let brightYellow = Color.ansi(11)
    /// ANSI colour 12.
    public static let brightBlue = Color.ansi(12)
    /// ANSI colour 13.
    public static let brightMagenta = Color.ansi(13)
    /// ANSI colour 14.
    public static let brightCyan = Color.ansi(14)
    /// ANSI colour 15.
    public static let brightWhite = Color.ansi(15)

    /// A colour of the 6×6×6 cube; each component 0...5.
    public static func rgb(_ r: Int, _ g: Int, _ b: Int) -> Color {
        func c(_ v: Int) -> Int { min(5, max(0, v)) }
        return .indexed(UInt8(16 + 36 * c(r) + 6 * c(g) + c(b)))
    }

    /// A grey from the 24-step ramp; `level` 0 (near black) ... 23 (near white).
    public static func grey(_ level: Int) -> Color {
        .indexed(UInt8(232 + min(23, max(0, level))))
    }

    /// The 256-palette index, or nil for `.default`.
    public var paletteIndex: Int? {
        switch self {
        case .default: return nil
        case .ansi(let n): return Int(n & 15)
        case .indexed(let n): return Int(n)
        }
    }

    /// The nearest of the first `count` ANSI colours (8 or 16), for terminals without 256.
    public func nearestANSI(count: Int) -> Int? {
        guard let index = paletteIndex else { return nil }
        if index < 16 { return count >= 16 ? index : index % 8 }
        let rgb = Color.approximateRGB(index)
        if max(rgb.0, rgb.1, rgb.2) - min(rgb.0, rgb.1, rgb.2) < 24 {
            // Greys: nearest by distance can be a hue (mid grey is closest to yellow), so
            // pick among black, bright black and white only.
            let level = rgb.0
            if count >= 16 { return level < 64 ? 0 : level < 170 ? 8 : level < 240 ? 7 : 15 }
            return level < 100 ? 0 : 7
        }
        var best = 0, bestDistance = Int.max
        for candidate in 0..<min(count, 16) {
            let c = Color.approximateRGB(candidate)
            let d = (c.0 - rgb.0) * (c.0 - rgb.0) + (c.1 - rgb.1) * (c.1 - rgb.1) + (c.2 - rgb.2) * (c.2 - rgb.2)
            if d < bestDistance { (best, bestDistance) = (candidate, d) }
        }
        return best
    }

    /// Typical xterm RGB values (0...255) for a palette index.
    static func approximateRGB(_ index: Int) -> (Int, Int, Int) {
        switch index {
        case 0..<16:
            let base: [(Int, Int, Int)] = [
                (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
                (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
                (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
            ]
            return base[index]
        case 16..<232:
            let i = index - 16
            func level(_ v: Int) -> Int { v == 0 ? 0 : 55 + 40 * v }
            return (level(i / 36), level(i / 6 % 6), level(i % 6))
        default:
            let v = 8 + 10 * (index - 232)
            return (v, v, v)
        }
    }
}
