/// One point of a series, in data units.
public struct ChartPoint: Hashable, Sendable {
    /// Horizontal position (a step, an epoch, a rank).
    public var x: Double
    /// Value (a loss, an accuracy).
    public var y: Double

    /// The point (`x`, `y`).
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A named line in one colour.
public struct ChartSeries: Hashable, Sendable {
    /// Shown in the legend.
    public var name: String
    /// The points, in drawing order; a NaN or infinite point breaks the line.
    public var points: [ChartPoint]
    /// The line's colour.
    public var color: Color

    /// A series of explicit points.
    public init(name: String, points: [ChartPoint], color: Color) {
        self.name = name
        self.points = points
        self.color = color
    }

    /// A series of `(x, y)` pairs.
    public init(name: String, xy: [(Double, Double)], color: Color) {
        self.init(name: name, points: xy.map { ChartPoint(x: $0.0, y: $0.1) }, color: color)
    }

    /// A series whose x is the index: loss per step.
    public init(name: String, values: [Double], color: Color) {
        self.init(name: name, points: values.enumerated().map { ChartPoint(x: Double($0.offset), y: $0.element) }, color: color)
    }
}

/// A line chart drawn in braille dots: several series in their colours, a legend, axes with
/// nice tick labels, linear or log-10 y, ranges automatic or fixed. Points that are NaN,
/// infinite (or ≤ 0 on a log axis) are skipped and break the line.
///
/// ```swift
/// let chart = LineChart(series: [
///     ChartSeries(name: "LoRA r=8", values: loraLoss, color: .cyan),
///     ChartSeries(name: "full FT", values: fullLoss, color: .magenta),
/// ], yScale: .log10)
/// chart.render(into: &buffer, area: plotArea)
/// ```
public struct LineChart: Widget, Hashable, Sendable {
    /// How y values map to height.
    public enum Scale: Hashable, Sendable {
        case linear
        /// Base-10 logarithmic; values ≤ 0 are skipped.
        case log10
    }

    /// The lines, drawn in order (later ones over earlier ones).
    public var series: [ChartSeries]
    /// Fixed x range; nil fits the data exactly.
    public var xRange: ClosedRange<Double>?
    /// Fixed y range; nil fits the data (extended to nice ticks).
    public var yRange: ClosedRange<Double>?
    /// Linear or log-10 y.
    public var yScale: Scale
    /// Text before the legend on the top row.
    public var title: String?
    /// Whether the top row shows the legend.
    public var showsLegend: Bool
    /// Style of axes and tick labels.
    public var axisStyle: Style

    /// A chart of `series`.
    public init(series: [ChartSeries], xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
                yScale: Scale = .linear, title: String? = nil, showsLegend: Bool = true, axisStyle: Style = Style(dim: true)) {
        self.series = series
        self.xRange = xRange
        self.yRange = yRange
        self.yScale = yScale
        self.title = title
        self.showsLegend = showsLegend
        self.axisStyle = axisStyle
    }

    /// True when a point can be drawn on this chart's axes.
    func isDrawable(_ p: ChartPoint) -> Bool {
        p.x.isFinite && p.y.isFinite && (yScale == .linear || p.y > 0)
    }

    /// The smallest and largest drawable x and y, in one pass; nil when nothing is drawable.
    func dataBounds() -> (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
        var minX = Double.infinity, maxX = -Double.infinity
        var minY = Double.infinity, maxY = -Double.infinity
        for line in series {
            for p in line.points where isDrawable(p) {
                minX = min(minX, p.x); maxX = max(maxX, p.x)
                minY = min(minY, p.y); maxY = max(maxY, p.y)
            }
        }
        guard minX <= maxX else { return nil }
        return (minX...maxX, minY...maxY)
    }

    /// The y ticks for `plotRows` rows of plot.
    public func yTicks(plotRows: Int) -> AxisTicks {
        let bounds = dataBounds()
        let lo = yRange?.lowerBound ?? bounds?.y.lowerBound ?? (yScale == .log10 ? 1 : 0)
        let hi = yRange?.upperBound ?? bounds?.y.upperBound ?? (yScale == .log10 ? 10 : 1)
        let count = max(2, min(6, plotRows / 2 + 1))
        switch yScale {
        case .linear: return .linear(low: lo, high: hi, maxCount: count, extend: yRange == nil)
        case .log10: return .log10(low: lo, high: hi, maxCount: count, extend: yRange == nil)
        }
    }

    /// The x ticks for `plotColumns` columns of plot.
    public func xTicks(plotColumns: Int) -> AxisTicks {
        let bounds = dataBounds()
        let lo = xRange?.lowerBound ?? bounds?.x.lowerBound ?? 0
        let hi = xRange?.upperBound ?? bounds?.x.upperBound ?? 1
        // x keeps the data's own range: steps 0…700 should fill the width, not 0…1000.
        return .linear(low: lo, high: hi, maxCount: max(2, plotColumns / 8), extend: false)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard area.width >= 8, area.height >= 4 else { return }
        var top = area.y
        if showsLegend || title != nil {
            renderLegend(into: &buffer, row: area.row(0))
            top += 1
        }
        let axisRow = area.bottom - 2
        let plotRows = axisRow - top
        guard plotRows >= 1 else { return }
        let yTicks = yTicks(plotRows: plotRows)
        let labelWidth = yTicks.labels.map { DisplayWidth.of($0) }.max() ?? 1
        let axisX = area.x + labelWidth
        let plot = Rect(x: axisX + 1, y: top, width: area.right - axisX - 1, height: plotRows)
        guard plot.width >= 2 else { return }
        let xTicks = xTicks(plotColumns: plot.width)

        var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
        let mapper = DotMapper(x: xTicks.range, y: transformed(yTicks.range), dotWidth: canvas.dotWidth, dotHeight: canvas.dotHeight)
        for line in series {
            var previous: (x: Double, y: Double)?
            for point in line.points {
                guard isDrawable(point) else { previous = nil; continue }
                let dot = mapper.dot(x: point.x, y: transform(point.y))
                if let previous, previous.x.rounded() == dot.x.rounded(), previous.y.rounded() == dot.y.rounded() {
                    continue   // Same dot as before: long series have many per column.
                }
                canvas.drawLine(from: previous ?? dot, to: dot, color: line.color)
                previous = dot
            }
        }

        // Axes: a vertical line with ┤ at y ticks, a horizontal one with ┬ at x ticks.
        for y in plot.y..<plot.bottom { buffer.set("│", at: Point(x: axisX, y: y), style: axisStyle) }
        buffer.set("└", at: Point(x: axisX, y: axisRow), style: axisStyle)
        for x in plot.x..<plot.right { buffer.set("─", at: Point(x: x, y: axisRow), style: axisStyle) }
        var lastRow = Int.min
        for (value, label) in zip(yTicks.values, yTicks.labels).reversed() {
            let row = plot.y + Int(mapper.dot(x: 0, y: transform(value)).y.rounded()) / 4
            guard row > lastRow, row >= plot.y, row < plot.bottom else { continue }
            lastRow = row
            buffer.write(label, at: Point(x: axisX - DisplayWidth.of(label), y: row), style: axisStyle, clip: area)
            buffer.set("┤", at: Point(x: axisX, y: row), style: axisStyle)
        }
        var labelEnd = area.x
        for (value, label) in zip(xTicks.values, xTicks.labels) {
            let column = plot.x + Int(mapper.dot(x: value, y: 0).x.rounded()) / 2
            guard column >= plot.x, column < plot.right else { continue }
            let width = DisplayWidth.of(label)
            let start = min(max(area.x, column - width / 2), area.right - width)
            guard start >= labelEnd else { continue }
            buffer.set("┬", at: Point(x: column, y: axisRow), style: axisStyle)
            buffer.write(label, at: Point(x: start, y: axisRow + 1), style: axisStyle, clip: area)
            labelEnd = start + width + 1
        }
        canvas.render(into: &buffer, area: plot)
    }

    private func renderLegend(into buffer: inout Buffer, row: Rect) {
        var spans: [Span] = []
        if let title { spans.append(Span(title + "  ", style: Style(bold: true))) }
        if showsLegend {
            for (i, line) in series.enumerated() {
                if i > 0 { spans.append(Span("  ")) }
                spans.append(Span("━ ", style: Style(fg: line.color)))
                spans.append(Span(line.name))
            }
        }
        buffer.write(TextFit.truncate(Line(spans), toWidth: row.width), at: row.origin, clip: row)
    }

    private func transform(_ y: Double) -> Double {
        yScale == .log10 ? Foundationless.log10(y) : y
    }

    private func transformed(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
        transform(range.lowerBound)...transform(range.upperBound)
    }
}

/// Data coordinates to dot coordinates: x grows right, y grows up (dot rows grow down).
struct DotMapper {
    var x: ClosedRange<Double>
    var y: ClosedRange<Double>
    var dotWidth: Int
    var dotHeight: Int

    func dot(x value: Double, y yValue: Double) -> (x: Double, y: Double) {
        let xSpan = x.upperBound - x.lowerBound, ySpan = y.upperBound - y.lowerBound
        let fx = xSpan > 0 ? (value - x.lowerBound) / xSpan : 0.5
        let fy = ySpan > 0 ? (yValue - y.lowerBound) / ySpan : 0.5
        return (fx * Double(dotWidth - 1), (1 - fy) * Double(dotHeight - 1))
    }
}
