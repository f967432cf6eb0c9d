/// Where an axis puts its ticks and what it writes there: "nice" numbers (1, 2 or 5 times a
/// power of ten) for linear axes, powers of ten for log axes.
public struct AxisTicks: Hashable, Sendable {
    /// The range the axis spans, in data units.
    public var range: ClosedRange<Double>
    /// Tick positions, ascending, in data units.
    public var values: [Double]
    /// The text at each tick.
    public var labels: [String]

    /// Ticks for a linear axis over `low...high`, about `maxCount` of them. When `extend`
    /// is true the range grows to the ticks just outside the data (auto ranges).
    public static func linear(low: Double, high: Double, maxCount: Int, extend: Bool) -> AxisTicks {
        var (lo, hi) = (min(low, high), max(low, high))
        if hi - lo < 1e-12 * max(1, abs(lo)) {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            (lo, hi) = (lo - pad, hi + pad)
        }
        let count = max(2, maxCount)
        let step = niceNumber(niceNumber(hi - lo, round: false) / Double(count - 1), round: true)
        let first = (lo / step).rounded(.down), last = (hi / step).rounded(.up)
        if extend { (lo, hi) = (first * step, last * step) }
        var values: [Double] = []
        var k = first
        while k <= last + 0.5 {
            let v = k * step
            if v >= lo - step * 1e-9 && v <= hi + step * 1e-9 { values.append(abs(v) < step * 1e-9 ? 0 : v) }
            k += 1
        }
        return AxisTicks(range: lo...hi, values: values, labels: values.map { label($0, step: step) })
    }

    /// Ticks for a base-10 log axis over `low...high` (both > 0). Two decades or more: the
    /// powers of ten (every second or third when there are more than `maxCount`). Less: 1, 2
    /// and 5 times powers of ten, so a curve from 1.2 to 3 is not squeezed into one band.
    public static func log10(low: Double, high: Double, maxCount: Int, extend: Bool) -> AxisTicks {
        let a = max(min(low, high), .leastNormalMagnitude), b = max(max(low, high), .leastNormalMagnitude)
        let lo = Foundationless.log10(a), hi = Foundationless.log10(b)
        if hi - lo < 2 { return oneTwoFive(low: a, high: b, maxCount: maxCount, extend: extend) }
        var first = lo.rounded(.down), last = hi.rounded(.up)
        if !extend { (first, last) = (lo.rounded(.up), hi.rounded(.down)) }
        let decades = Int(last - first) + 1
        let stride = max(1, Int((Double(decades) / Double(max(2, maxCount))).rounded(.up)))
        var values: [Double] = []
        var k = Int(first)
        while k <= Int(last) {
            values.append(Foundationless.pow10(k))
            k += stride
        }
        let range = extend ? Foundationless.pow10(Int(first))...Foundationless.pow10(Int(last)) : a...b
        return AxisTicks(range: range, values: values, labels: values.map { logLabel($0) })
    }

    /// Log ticks at 1, 2 and 5 times powers of ten, thinned to 1 and 5, then to 1, to fit `maxCount`.
    private static func oneTwoFive(low a: Double, high b: Double, maxCount: Int, extend: Bool) -> AxisTicks {
        let slack = 1e-9
        var candidates: [Double] = []
        for exponent in Int(Foundationless.log10(a).rounded(.down)) - 1...Int(Foundationless.log10(b).rounded(.up)) + 1 {
            for mantissa in [1.0, 2, 5] { candidates.append(mantissa * Foundationless.pow10(exponent)) }
        }
        var rangeLow = a, rangeHigh = b
        if extend {
            rangeLow = candidates.last { $0 <= a * (1 + slack) } ?? a
            rangeHigh = candidates.first { $0 >= b * (1 - slack) } ?? b
            if rangeHigh <= rangeLow {
                // One value only: open the range to the candidates on either side.
                rangeLow = candidates.last { $0 < a * (1 - slack) } ?? a / 2
                rangeHigh = candidates.first { $0 > b * (1 + slack) } ?? b * 2
            }
        }
        var values = candidates.filter { $0 >= rangeLow * (1 - slack) && $0 <= rangeHigh * (1 + slack) }
        for keep in [[1.0, 5], [1.0]] where values.count > max(2, maxCount) {
            values = values.filter { v in keep.contains { abs(mantissa(of: v) - $0) < 1e-6 } }
        }
        return AxisTicks(range: rangeLow...rangeHigh, values: values, labels: values.map { logLabel($0) })
    }

    /// The leading digit part of `value`: 2 for 0.02, 5 for 500.
    private static func mantissa(of value: Double) -> Double {
        value / Foundationless.pow10(Int((Foundationless.log10(value) + 1e-9).rounded(.down)))
    }

    /// 1, 2, 5 or 10 times a power of ten near `x`: rounded to the nearest, or the next above.
    public static func niceNumber(_ x: Double, round: Bool) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let exponent = Foundationless.log10(x).rounded(.down)
        let power = Foundationless.pow10(Int(exponent))
        let fraction = x / power
        let nice: Double
        if round {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return nice * power
    }

    /// A tick label with as many decimals as the step needs; thousands as "k".
    public static func label(_ value: Double, step: Double) -> String {
        if step >= 1000, value != 0, (value / 1000).rounded() * 1000 == value.rounded() {
            return label(value / 1000, step: step / 1000) + "k"
        }
        let decimals = max(0, Int(-Foundationless.log10(step).rounded(.down)))
        return fixed(value, decimals: decimals)
    }

    /// "0.001", "0.2", "5", "1000" for moderate magnitudes, "1e-5" and "2e6" beyond.
    public static func logLabel(_ value: Double) -> String {
        let exponent = Int((Foundationless.log10(value) + 1e-9).rounded(.down))
        let leading = Int((value / Foundationless.pow10(exponent)).rounded())
        if exponent >= -3 && exponent <= 4 { return fixed(value, decimals: max(0, -exponent)) }
        return "\(leading)e\(exponent)"
    }

    /// `value` with exactly `decimals` digits after the point (no Foundation formatting).
    public static func fixed(_ value: Double, decimals: Int) -> String {
        let scale = Foundationless.pow10(decimals)
        let scaled = Int((abs(value) * scale).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + "\(scaled)" }
        var digits = String(scaled)
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -decimals)
        return sign + digits[..<split] + "." + digits[split...]
    }
}

/// The few math functions the chart needs, from the C library, without Foundation.
enum Foundationless {
    static func log10(_ x: Double) -> Double {
        #if canImport(Glibc)
        return Glibc.log10(x)
        #else
        return Darwin.log10(x)
        #endif
    }

    static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(n) { result *= 10 }
        return n < 0 ? 1 / result : result
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
