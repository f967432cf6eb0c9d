import Foundation

/// Learning rate as a function of the step: linear warmup, then a decay to `minLR`.
public struct LearningRateSchedule: Codable, Sendable, Hashable {
    /// Shape of the decay after warmup.
    public enum Decay: String, Codable, Sendable, Hashable {
        /// Constant peak learning rate.
        case constant
        /// Straight line from peak to `minLR` at `totalSteps`.
        case linear
        /// Half a cosine from peak to `minLR` at `totalSteps`.
        case cosine
    }

    /// Peak learning rate.
    public var peak: Float
    /// Steps of linear warmup from peak/warmup up to peak.
    public var warmupSteps: Int
    /// Step at which the decay reaches `minLR`.
    public var totalSteps: Int
    /// Decay shape.
    public var decay: Decay
    /// Floor reached at the end.
    public var minLR: Float

    /// A schedule; the default is a constant rate without warmup.
    public init(peak: Float, warmupSteps: Int = 0, totalSteps: Int = 1, decay: Decay = .constant, minLR: Float = 0) {
        self.peak = peak; self.warmupSteps = warmupSteps; self.totalSteps = totalSteps; self.decay = decay; self.minLR = minLR
    }

    /// The rate for 0-based `step`.
    public func rate(at step: Int) -> Float {
        if step < warmupSteps { return peak * Float(step + 1) / Float(warmupSteps) }
        let span = max(1, totalSteps - warmupSteps)
        let progress = min(1, Double(step - warmupSteps) / Double(span))
        switch decay {
        case .constant: return peak
        case .linear: return minLR + (peak - minLR) * Float(1 - progress)
        case .cosine: return minLR + (peak - minLR) * Float(0.5 * (1 + Foundation.cos(Double.pi * progress)))
        }
    }
}
