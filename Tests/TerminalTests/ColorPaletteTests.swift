import Testing
@testable import Terminal

@Suite struct ColorPaletteTests {
    @Test func pairsAreAllocatedOnceAndCached() {
        var palette = ColorPalette(colorCount: 256, pairLimit: 256, hasDefaultColors: true)
        var registered: [[Int16]] = []
        let red = palette.pair(for: Style(fg: .red)) { registered.append([$0, $1, $2]) }
        let again = palette.pair(for: Style(fg: .red, bold: true)) { registered.append([$0, $1, $2]) }
        let orange = palette.pair(for: Style(fg: .indexed(208), bg: .grey(2))) { registered.append([$0, $1, $2]) }
        #expect(red == 1 && again == 1 && orange == 2)
        #expect(registered == [[1, 1, -1], [2, 208, 234]])
        #expect(palette.pair(for: .plain) { _, _, _ in Issue.record("plain needs no pair") } == 0)
    }

    @Test func eightColourFallbackPicksNearest() {
        let palette = ColorPalette(colorCount: 8, pairLimit: 64, hasDefaultColors: false)
        #expect(palette.number(for: .brightRed, isBackground: false) == 1)
        #expect(palette.number(for: .rgb(5, 2, 0), isBackground: false) == 3)  // orange is nearer yellow than red
        #expect(palette.number(for: .rgb(0, 0, 5), isBackground: false) == 4)
        #expect(palette.number(for: .grey(23), isBackground: false) == 7)
        #expect(palette.number(for: .grey(12), isBackground: false) == 7)   // mid grey is not yellow
        #expect(palette.number(for: .grey(2), isBackground: false) == 0)
        #expect(Color.grey(12).nearestANSI(count: 16) == 8)
        #expect(palette.number(for: .default, isBackground: false) == 7)
        #expect(palette.number(for: .default, isBackground: true) == 0)
    }

    @Test func noColoursMeansPairZero() {
        var palette = ColorPalette(colorCount: 0, pairLimit: 0, hasDefaultColors: false)
        #expect(palette.pair(for: Style(fg: .red)) { _, _, _ in Issue.record("no pairs without colours") } == 0)
    }

    @Test func runningOutOfPairsFallsBackToDefault() {
        var palette = ColorPalette(colorCount: 256, pairLimit: 3, hasDefaultColors: true)
        let pairs = (1...4).map { i in palette.pair(for: Style(fg: .indexed(UInt8(i)))) { _, _, _ in } }
        #expect(pairs == [1, 2, 0, 0])
    }

    @Test func utf8CodesetNames() {
        #expect(TerminalLocale.isUTF8("UTF-8"))
        #expect(TerminalLocale.isUTF8("utf8"))
        #expect(!TerminalLocale.isUTF8("ANSI_X3.4-1968"))
    }
}
