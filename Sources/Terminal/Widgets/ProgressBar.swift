/// A horizontal bar with eighth-cell precision, a percentage and an optional ETA:
/// `epoch 3 ████████▍      56% ETA 1m 05s`.
///
/// ```swift
/// let eta = ProgressBar.remainingSeconds(elapsed: 42, fraction: 0.56)
/// ProgressBar(fraction: 0.56, label: "epoch 3", etaSeconds: eta).render(into: &buffer, area: row)
/// ```
public struct ProgressBar: Widget, Hashable, Sendable {
    /// Done so far, 0...1 (clamped when drawn).
    public var fraction: Double
    /// Text before the bar.
    public var label: String?
    /// Seconds left; nil shows no ETA.
    public var etaSeconds: Double?
    /// Style of the filled part.
    public var filledStyle: Style
    /// Style of the empty part.
    public var emptyStyle: Style

    /// A bar; the filled part is green, the empty part dim dots.
    public init(fraction: Double, label: String? = nil, etaSeconds: Double? = nil,
                filledStyle: Style = Style(fg: .green), emptyStyle: Style = Style(dim: true)) {
        self.fraction = fraction
        self.label = label
        self.etaSeconds = etaSeconds
        self.filledStyle = filledStyle
        self.emptyStyle = emptyStyle
    }

    /// The text after the bar: "56%" or "56% ETA 1m 05s".
    public var statusText: String {
        let f = fraction.isFinite ? min(1, max(0, fraction)) : 0
        var s = "\(Int((f * 100).rounded(.down)))%"
        if let etaSeconds, etaSeconds.isFinite, etaSeconds >= 0 {
            s += " ETA " + ProgressBar.formatDuration(seconds: etaSeconds)
        }
        return s
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let y = area.y
        var x = area.x
        if let label, !label.isEmpty {
            x += buffer.write(label + " ", at: Point(x: x, y: y), clip: area)
        }
        let status = " " + statusText
        let barWidth = area.right - x - DisplayWidth.of(status)
        if barWidth >= 3 {
            let f = fraction.isFinite ? min(1, max(0, fraction)) : 0
            let eighths = Int((f * Double(barWidth * 8)).rounded(.down))
            for i in 0..<barWidth {
                let filled = min(8, max(0, eighths - i * 8))
                let symbol: Character = filled == 0 ? "·" : ProgressBar.partialBlocks[filled - 1]
                buffer.set(symbol, at: Point(x: x + i, y: y), style: filled == 0 ? emptyStyle : filledStyle, clip: area)
            }
            x += barWidth
        }
        buffer.write(status, at: Point(x: x, y: y), clip: area)
    }

    /// ▏▎▍▌▋▊▉█: one to eight eighths of a cell.
    static let partialBlocks: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    /// Seconds left if the rate so far holds; nil before any progress.
    public static func remainingSeconds(elapsed: Double, fraction: Double) -> Double? {
        guard fraction > 0, fraction.isFinite, elapsed.isFinite, elapsed >= 0 else { return nil }
        return elapsed * (1 - min(1, fraction)) / fraction
    }

    /// A short duration: "42s", "1m 05s", "2h 03m".
    public static func formatDuration(seconds: Double) -> String {
        let total = Int(seconds.rounded())
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m \(two(total % 60))s" }
        return "\(total / 3600)h \(two(total / 60 % 60))m"
    }
}
