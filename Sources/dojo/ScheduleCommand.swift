import ArgumentParser
import Foundation
import Study

/// `dojo schedule`: replays reviews given as JSON lines and prints each card's state after each.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Run FSRS-6 over reviews read as JSON lines on stdin (never touches your database).",
        discussion: """
            Input, one review per line:  {"card": "q1", "rating": 3, "time": "2025-01-01T09:00:00Z"}
            (rating 1 again, 2 hard, 3 good, 4 easy). Cards are tracked by id; blank lines are skipped.
            Output, one line per review: {"card","state","step","stability","difficulty","due","retrievability"},
            retrievability being the new state's at the review time (1 just after a review).
            --retrievability-before adds "retrievability_before": the recall probability just
            before this review (null for a card's first). --at TIME adds "retrievability_at": the
            probability the new state gives at TIME (null when TIME is before the review).
            Retrievability counts whole days since the last review, as FSRS does.
            A bad line stops the run with its line number on stderr and exit status 1.
            """)

    @Flag(name: .customLong("no-fuzz"), help: "Give exact review intervals, without the random spread.")
    var noFuzz = false

    @Option(help: "Desired retention: the recall probability at which a card falls due, in (0, 1).")
    var retention: Double = 0.9

    @Option(help: "Learning steps for new cards, e.g. 1m,10m (units s, m, h, d; empty for none).")
    var learningSteps = "1m,10m"

    @Option(help: "Relearning steps after a lapse, e.g. 10m (units s, m, h, d; empty for none).")
    var relearningSteps = "10m"

    @Option(help: ArgumentHelp("Also print each new state's retrievability at this ISO-8601 time, e.g. 2025-03-01T09:00:00Z.", valueName: "time"))
    var at: String?

    @Flag(name: .customLong("retrievability-before"), help: "Also print the retrievability just before each review.")
    var retrievabilityBefore = false

    func validate() throws {
        if let at, ReviewLine.parseTime(at) == nil {
            throw ValidationError("--at \(at) is not an ISO-8601 date-time with a zone, e.g. 2025-03-01T09:00:00Z")
        }
        guard retention > 0, retention < 1 else {
            throw ValidationError("--retention must be between 0 and 1 (exclusive), e.g. 0.9; got \(retention)")
        }
        _ = try steps(learningSteps, option: "--learning-steps")
        _ = try steps(relearningSteps, option: "--relearning-steps")
    }

    func run() throws {
        let parameters = SchedulerParameters(
            desiredRetention: retention,
            learningSteps: try steps(learningSteps, option: "--learning-steps"),
            relearningSteps: try steps(relearningSteps, option: "--relearning-steps"),
            enableFuzz: !noFuzz)
        var batch = ScheduleBatch(
            scheduler: Scheduler(parameters: parameters), reportsRetrievabilityBefore: retrievabilityBefore,
            retrievabilityTime: at.flatMap(ReviewLine.parseTime))
        var number = 0
        while let line = readLine(strippingNewline: true) {
            number += 1
            do {
                if let output = try batch.process(line, number: number) { print(output) }
            } catch {
                FileHandle.standardError.write(Data("dojo schedule: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
    }

    private func steps(_ text: String, option: String) throws -> [TimeInterval] {
        do { return try StepList.parse(text) } catch { throw ValidationError("\(option): \(error)") }
    }
}
