import ArgumentParser
import Foundation
import Store
import Study

/// `dojo stats`: reviews per day, streak, true retention, forecast, mastery per topic, and
/// an export of the review log.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Review statistics; --json for stable keys; --export-log FILE.csv|FILE.json.")

    @Flag(help: "Print the stats as JSON (stable snake_case keys).")
    var json = false

    @Option(name: .customLong("export-log"), help: "Write the whole review log to FILE (.csv or .json) and exit.")
    var exportLog: String?

    func validate() throws {
        if let exportLog, ReviewLogExport.Format(path: exportLog) == nil {
            throw ValidationError("--export-log needs a file name ending in .csv or .json, got \(exportLog).")
        }
    }

    func run() throws {
        let study = try StudyEnvironment.load()
        let db = study.database
        if let exportLog, let format = ReviewLogExport.Format(path: exportLog) {
            let log = try StudyEnvironment.orExit { try db.reviewLog() }
            do {
                try ReviewLogExport.render(log, as: format).write(to: URL(fileURLWithPath: exportLog), options: .atomic)
            } catch {
                StudyEnvironment.fail("dojo: cannot write \(exportLog): \(error.localizedDescription)", code: 1)
            }
            FileHandle.standardError.write(Data("Wrote \(log.count) review-log rows to \(exportLog).\n".utf8))
            return
        }
        let now = Date()
        let stats = try StudyEnvironment.orExit { () -> StudyStats in
            let settings = try db.settings()
            return StudyStats.compute(
                cards: study.library.cards.map { ReviewCandidate(id: $0.id, topic: $0.topic) },
                progress: try db.cardProgress(), log: try db.reviewLog(),
                scheduler: RecordedReviewSession.scheduler(for: settings),
                calendar: StudyCalendar(timeZone: .current, dayStartHour: settings.dayStartHour), now: now)
        }
        print(json ? try stats.json() : stats.text())
    }
}
