/// Maps `Color`s onto what a terminal offers and hands out ncurses colour pairs on demand.
///
/// Pure bookkeeping: the backend passes `register` the call that really defines a pair,
/// so the mapping is tested without a terminal.
struct ColorPalette {
    /// Colours the terminal has: 0 (colours off), 8, 16 or 256.
    let colorCount: Int
    /// Pairs the terminal allows, pair 0 included.
    let pairLimit: Int
    /// True when `use_default_colors` worked, so -1 means "the terminal's own colour".
    let hasDefaultColors: Bool
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int16 = 1

    private struct PairKey: Hashable {
        var fg: Int16
        var bg: Int16
    }

    init(colorCount: Int, pairLimit: Int, hasDefaultColors: Bool) {
        self.colorCount = colorCount
        self.pairLimit = min(pairLimit, Int(Int16.max))
        self.hasDefaultColors = hasDefaultColors
    }

    /// The curses colour number for `color`; -1 is the terminal default.
    func number(for color: Color, isBackground: Bool) -> Int16 {
        let fallback: Int16 = hasDefaultColors ? -1 : (isBackground ? 0 : 7)
        guard let index = color.paletteIndex else { return fallback }
        if colorCount >= 256 { return Int16(index) }
        return Int16(color.nearestANSI(count: colorCount >= 16 ? 16 : 8) ?? Int(fallback))
    }

    /// The pair number for `style`'s colours, defining a new pair through `register` the
    /// first time a combination is seen; 0 when colours are off or pairs ran out.
    mutating func pair(for style: Style, register: (Int16, Int16, Int16) -> Void) -> Int16 {
        guard colorCount > 0 else { return 0 }
        let key = PairKey(fg: number(for: style.fg, isBackground: false), bg: number(for: style.bg, isBackground: true))
        if key.fg == -1 && key.bg == -1 { return 0 }
        if let existing = pairs[key] { return existing }
        guard Int(nextPair) < pairLimit else { return 0 }
        let pair = nextPair
        nextPair += 1
        register(pair, key.fg, key.bg)
        pairs[key] = pair
        return pair
    }

    /// How many pairs have been defined.
    var definedPairs: Int { pairs.count }
}
