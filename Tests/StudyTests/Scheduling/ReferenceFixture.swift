import Foundation
@testable import Study

/// reference.json: review histories replayed through the PyPI `fsrs` package with fuzz off.
struct ReferenceFixture: Decodable {
    struct SchedulerConfig: Decodable {
        let desired_retention: Double
        let learning_steps: [Double]
        let relearning_steps: [Double]
        let maximum_interval: Int
    }

    struct Snapshot: Decodable {
        let state: String
        let step: Int?
        let stability: Double
        let difficulty: Double
        let due: Double
        let last_review: Double

        var cardState: CardState {
            CardState(
                phase: CardPhase(rawValue: state)!, step: step, stability: stability, difficulty: difficulty,
                due: Date(timeIntervalSince1970: due), lastReview: Date(timeIntervalSince1970: last_review))
        }
    }

    struct Review: Decodable {
        let rating: Int
        let time: Double
        let retrievability_before: Double?
        let retrievability_after: Double
        let after: Snapshot

        var date: Date { Date(timeIntervalSince1970: time) }
    }

    struct Case: Decodable {
        let name: String
        let scheduler: SchedulerConfig
        let start: Snapshot?
        let reviews: [Review]

        func makeScheduler(weights: [Double]) -> Scheduler {
            Scheduler(parameters: SchedulerParameters(
                weights: weights, desiredRetention: scheduler.desired_retention,
                learningSteps: scheduler.learning_steps, relearningSteps: scheduler.relearning_steps,
                maximumInterval: scheduler.maximum_interval, enableFuzz: false))
        }

        var usesDefaults: Bool {
            start == nil && scheduler.desired_retention == 0.9 && scheduler.learning_steps == [60, 600]
                && scheduler.relearning_steps == [600] && scheduler.maximum_interval == 36500
        }
    }

    struct FuzzRow: Decodable {
        let interval: Int
        let min: Int
        let max: Int
    }

    let fsrs_version: String
    let parameters: [Double]
    let fuzz: [FuzzRow]
    let cases: [Case]

    static let shared: ReferenceFixture = {
        let url = Bundle.module.url(forResource: "Fixtures/fsrs/reference", withExtension: "json")!
        return try! JSONDecoder().decode(ReferenceFixture.self, from: Data(contentsOf: url))
    }()
}

/// |a − b| ≤ tolerance·max(|a|, |b|), with an absolute floor so exact zeros compare.
func isClose(_ a: Double, _ b: Double, relative tolerance: Double = 1e-6) -> Bool {
    abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-12)
}
