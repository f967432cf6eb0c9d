import Testing
@testable import Terminal

@Suite struct ChartTests {
    @Test func brailleDotsOfAKnownLine() {
        // A 2×1-cell canvas is 4×4 dots; the diagonal from bottom-left to top-right sets
        // (0,3) (1,2) in the first cell and (2,1) (3,0) in the second.
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        canvas.drawLine(from: (0, 3), to: (3, 0))
        #expect(canvas.character(column: 0, row: 0) == "\u{2860}")   // dots 6+7: 0x20 | 0x40
        #expect(canvas.character(column: 1, row: 0) == "\u{280A}")   // dots 2+4: 0x02 | 0x08
        #expect(canvas.isSet(x: 1, y: 2) && !canvas.isSet(x: 1, y: 3))
    }

    @Test func eachDotMapsToItsBrailleBit() {
        let expected: [[UInt32]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
        for y in 0..<4 {
            for x in 0..<2 {
                var canvas = BrailleCanvas(columns: 1, rows: 1)
                canvas.setDot(x: x, y: y)
                #expect(canvas.character(column: 0, row: 0) == Character(Unicode.Scalar(0x2800 + expected[y][x])!))
            }
        }
    }

    @Test func linesOutsideTheCanvasAreClipped() {
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        canvas.drawLine(from: (-100, 1), to: (100, 1))
        #expect((0..<4).allSatisfy { canvas.isSet(x: $0, y: 1) })
        #expect(!canvas.isSet(x: 0, y: 0))
        canvas.drawLine(from: (-5, -5), to: (-1, -9))   // wholly outside: nothing
        #expect(canvas.character(column: 0, row: 0) == "\u{2812}")
    }

    static let twoSeries = LineChart(series: [
        ChartSeries(name: "train", values: [10, 3, 1, 0.3, 0.1], color: .cyan),
        ChartSeries(name: "val", values: [10, 5, 2, 1, 0.8], color: .magenta),
    ], yScale: .log10)

    @Test func twoSeriesLogChartSnapshot() {
        let buffer = rendered(Self.twoSeries, width: 32, height: 10)
        expectChart(buffer, [
            "━ train  ━ val",
            " 10┤⠙⠲⢖⡤⢄⣀⡀",
            "   │   ⠈⠑⠢⢌⡉⠒⠢⢄⣀",
            "   │       ⠈⠑⠢⢄⡀⠉⠑⠒⠤⣀⡀",
            "  1┤           ⠈⠑⠢⢄⡀ ⠈⠉⠒⠤⠤⠤⠤⣀⣀⣀⣀",
            "   │               ⠈⠑⠢⢄⡀",
            "   │                   ⠈⠑⠢⢄⡀",
            "0.1┤                       ⠈⠉⠒⠤⣀",
            "   └┬─────────────┬────────────┬",
            "    0             2            4",
        ])
    }

    @Test func seriesColoursLegendAndTicks() {
        let buffer = rendered(Self.twoSeries, width: 32, height: 10)
        // Legend: a coloured line sample before each name.
        #expect(buffer.line(at: 0) == "━ train  ━ val")
        #expect(buffer[0, 0].style.fg == .cyan)
        #expect(buffer[9, 0].style.fg == .magenta)
        // Log ticks: one label per decade, right-aligned against the axis.
        #expect(buffer.line(at: 1).hasPrefix(" 10┤"))
        #expect(buffer.line(at: 4).hasPrefix("  1┤"))
        #expect(buffer.line(at: 7).hasPrefix("0.1┤"))
        // The last point of "train" (0.1 at x=4) is the bottom-right dot of the plot, cyan;
        // the last point of "val" (0.8) is in the right column, magenta, just below 1.
        let right = 31
        #expect(buffer[right, 7].symbol.unicodeScalars.first!.value & 0x80 != 0)
        #expect(buffer[right, 7].style.fg == .cyan)
        #expect(buffer[right, 4].style.fg == .magenta)
        #expect(buffer[right, 4].symbol != " ")
    }

    @Test func linearRangeEndsLandOnCorners() {
        let chart = LineChart(series: [ChartSeries(name: "y=x", xy: [(0, 0), (10, 10)], color: .green)],
                              xRange: 0...10, yRange: 0...10, showsLegend: false)
        let buffer = rendered(chart, width: 20, height: 6)
        // Plot: columns 3..<20 (labels "10" + axis), rows 0..<4.
        let first = buffer[3, 3].symbol.unicodeScalars.first!.value - 0x2800
        let last = buffer[19, 0].symbol.unicodeScalars.first!.value - 0x2800
        #expect(first & 0x40 != 0)   // bottom-left dot
        #expect(last & 0x08 != 0)    // top-right dot
        #expect(buffer.line(at: 5).hasPrefix("   0"))
        #expect(buffer.line(at: 5).hasSuffix("10"))
    }

    @Test func nonFinitePointsAreSkippedAndBreakTheLine() {
        let broken = LineChart(series: [ChartSeries(name: "s", values: [1, 1, .nan, 1, 1, .infinity, 1], color: .red)],
                               yRange: 0...2, showsLegend: false)
        let buffer = rendered(broken, width: 16, height: 6)
        // x 0…6 over 13 columns: points 0–1 and 3–4 are joined, 6 is alone; the middle row
        // holds three separate pieces.
        let row = buffer.line(at: 2)
        let pieces = row.split(whereSeparator: { !("\u{2800}"..."\u{28FF}").contains($0) })
        #expect(pieces.count == 3)
        #expect(!row.contains("nan"))

        let logged = LineChart(series: [ChartSeries(name: "s", values: [1, 0, -1, 10], color: .red)], yScale: .log10, showsLegend: false)
        let ticks = logged.yTicks(plotRows: 4)
        // Only 1 and 10 are drawable (0 and −1 are not on a log axis): one decade, so 1-5-10.
        #expect(ticks.values == [1, 5, 10])
    }

    @Test func niceTicks() {
        let linear = AxisTicks.linear(low: 0, high: 7, maxCount: 5, extend: true)
        #expect(linear.values == [0, 2, 4, 6, 8])
        #expect(linear.range == 0...8)
        #expect(AxisTicks.linear(low: 0.02, high: 0.37, maxCount: 5, extend: true).labels == ["0.0", "0.1", "0.2", "0.3", "0.4"])
        #expect(AxisTicks.linear(low: 0, high: 7, maxCount: 5, extend: false).labels == ["0", "2", "4", "6"])
        #expect(AxisTicks.linear(low: 0, high: 5000, maxCount: 3, extend: true).labels == ["0", "2k", "4k", "6k"])
        #expect(AxisTicks.linear(low: -1, high: 1, maxCount: 3, extend: true).labels == ["-1", "0", "1"])
        #expect(AxisTicks.linear(low: 3, high: 3, maxCount: 3, extend: true).range.contains(3))

        let log = AxisTicks.log10(low: 0.003, high: 20, maxCount: 6, extend: true)
        #expect(log.labels == ["0.001", "0.01", "0.1", "1", "10", "100"])
        #expect(AxisTicks.log10(low: 0.003, high: 20, maxCount: 3, extend: true).labels == ["0.001", "0.1", "10"])
        let narrow = AxisTicks.log10(low: 1.15, high: 3.05, maxCount: 5, extend: true)
        #expect(narrow.range == 1...5)
        #expect(narrow.labels == ["1", "2", "5"])
        // 0.02…5 holds 8 candidates; thinned to 1×/5× (5) and then to powers of ten (2).
        #expect(AxisTicks.log10(low: 0.04, high: 3, maxCount: 3, extend: true).labels == ["0.1", "1"])
        #expect(AxisTicks.log10(low: 0.03, high: 0.9, maxCount: 4, extend: true).labels == ["0.05", "0.1", "0.5", "1"])
        #expect(AxisTicks.log10(low: 2, high: 2, maxCount: 4, extend: true).range == 1...5)
        #expect(AxisTicks.logLabel(2e-5) == "2e-5")
        #expect(AxisTicks.logLabel(0.05) == "0.05")
        #expect(AxisTicks.logLabel(1e-5) == "1e-5")
        #expect(AxisTicks.logLabel(1e6) == "1e6")
        #expect(AxisTicks.fixed(-0.05, decimals: 2) == "-0.05")
        #expect(AxisTicks.fixed(2.5, decimals: 0) == "3")
    }
}

func expectChart(_ buffer: Buffer, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    expectLines(buffer, expected, sourceLocation: sourceLocation)
}
