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

    /// Ticks for a base-10 log axis over `low...high` (both > 0): every power of ten, or
    /// every second or third one when there are more than `maxCount`.
    public static func log10(low: Double, high: Double, maxCount: Int, extend: Bool) -> AxisTicks {
        let lo = Foundationless.log10(max(low, .leastNormalMagnitude))
        let hi = Foundationless.log10(max(high, .leastNormalMagnitude))
        var first = lo.rounded(.down), last = hi.rounded(.up)
        if first == last { last += 1 }
        if !extend { (first, last) = (lo.rounded(.up), hi.rounded(.down)) }
        let decades = Int(last - first) + 1
        let stride = max(1, Int((Double(decades) / Double(max(2, maxCount))).rounded(.up)))
        var values: [Double] = []
        var k = Int(first)
        while k <= Int(last) {
            values.append(Foundationless.pow10(k))
            k += stride
        }
        let range = extend ? Foundationless.pow10(Int(first))...Foundationless.pow10(Int(last)) : min(low, high)...max(low, high)
        return AxisTicks(range: range, values: values, labels: values.map { logLabel($0) })
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

    /// "0.001", "1", "1000" for moderate powers of ten, "1e-5" and "1e6" beyond.
    public static func logLabel(_ value: Double) -> String {
        let exponent = Int(Foundationless.log10(value).rounded())
        if exponent >= -3 && exponent <= 4 { return fixed(value, decimals: max(0, -exponent)) }
        return "1e\(exponent)"
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
