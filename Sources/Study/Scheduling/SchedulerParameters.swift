import Foundation

/// Everything that tunes the scheduler: FSRS-6 weights, target recall and step lengths.
public struct SchedulerParameters: Sendable, Equatable {
    /// The 21 FSRS-6 model weights w0…w20.
    public var weights: [Double]
    /// Recall probability at which a review card falls due, in (0, 1).
    public var desiredRetention: Double
    /// Waits between learning steps for a new card, in seconds.
    public var learningSteps: [TimeInterval]
    /// Waits between relearning steps after a lapse, in seconds.
    public var relearningSteps: [TimeInterval]
    /// Longest review interval, in days.
    public var maximumInterval: Int
    /// Whether review intervals get a small random spread so cards learnt together separate.
    public var enableFuzz: Bool

    /// The FSRS-6 default weights, fitted by the FSRS authors on a large public review corpus.
    public static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    /// Default weights, 90 % retention, steps 1m/10m, relearning 10m, 100 years maximum, fuzz on.
    public static let `default` = SchedulerParameters()

    /// Parameters with the defaults for anything not given.
    public init(
        weights: [Double] = SchedulerParameters.defaultWeights,
        desiredRetention: Double = 0.9,
        learningSteps: [TimeInterval] = [60, 600],
        relearningSteps: [TimeInterval] = [600],
        maximumInterval: Int = 36500,
        enableFuzz: Bool = true
    ) {
        self.weights = weights
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.enableFuzz = enableFuzz
    }
}
