/// How much room one part of a split asks for.
public enum Constraint: Hashable, Sendable {
    /// Exactly `n` cells (shrunk only when the whole does not fit).
    case length(Int)
    /// A share of the whole, 0...100.
    case percentage(Int)
    /// At least `n` cells, growing like `fill(1)` when room is left.
    case min(Int)
    /// What is left, shared among fills by weight.
    case fill(Int)

    /// What is left, weight 1.
    public static var fill: Constraint { .fill(1) }
}

/// Which way a split cuts.
public enum Direction: Sendable {
    /// Parts stacked top to bottom.
    case vertical
    /// Parts side by side, left to right.
    case horizontal
}

extension Rect {
    /// Cuts this rectangle into parts along `direction`, one per constraint, `spacing` cells apart.
    ///
    /// ```swift
    /// let parts = area.split(.vertical, [.length(1), .fill, .length(1)])
    /// // parts[0]: title row, parts[1]: body, parts[2]: key-hint bar
    /// ```
    public func split(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        let total = direction == .vertical ? height : width
        let lengths = Layout.lengths(total: total, constraints: constraints, spacing: spacing)
        var result: [Rect] = []
        var offset = 0
        for length in lengths {
            switch direction {
            case .vertical: result.append(Rect(x: x, y: y + offset, width: width, height: length))
            case .horizontal: result.append(Rect(x: x + offset, y: y, width: length, height: height))
            }
            offset += length + spacing
        }
        return result
    }
}

/// The pure arithmetic behind `Rect.split`.
public enum Layout {
    /// Lengths for each constraint so that they and the gaps fit in `total` cells.
    ///
    /// Fixed lengths, percentages and minimums are placed first; what is left goes to fills
    /// and minimums by weight (remainders to the earliest). When the fixed parts overflow,
    /// the last parts shrink first, so the top of a screen survives a small terminal.
    public static func lengths(total: Int, constraints: [Constraint], spacing: Int = 0) -> [Int] {
        guard !constraints.isEmpty else { return [] }
        let available = Swift.max(0, total - spacing * (constraints.count - 1))
        var lengths = constraints.map { c -> Int in
            switch c {
            case .length(let n): return Swift.max(0, n)
            case .percentage(let p): return available * Swift.min(100, Swift.max(0, p)) / 100
            case .min(let n): return Swift.max(0, n)
            case .fill: return 0
            }
        }
        var remaining = available - lengths.reduce(0, +)
        if remaining > 0 {
            let weights = constraints.map { c -> Int in
                switch c {
                case .fill(let w): return Swift.max(0, w)
                case .min: return 1
                default: return 0
                }
            }
            let weightSum = weights.reduce(0, +)
            if weightSum > 0 {
                let share = remaining
                for i in lengths.indices where weights[i] > 0 {
                    let extra = share * weights[i] / weightSum
                    lengths[i] += extra
                    remaining -= extra
                }
                for i in lengths.indices where weights[i] > 0 && remaining > 0 {
                    lengths[i] += 1
                    remaining -= 1
                }
            }
        } else if remaining < 0 {
            var overflow = -remaining
            for i in lengths.indices.reversed() where overflow > 0 {
                let cut = Swift.min(lengths[i], overflow)
                lengths[i] -= cut
                overflow -= cut
            }
        }
        return lengths
    }
}
