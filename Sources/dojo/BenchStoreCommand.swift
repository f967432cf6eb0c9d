import ArgumentParser
import Foundation
import Store

/// `dojo bench-store`: the review path's speed and the review log's size on a full database
/// in a temporary directory (removed afterwards; the learner's database is never touched).
struct BenchStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-store",
        abstract: "Time rating a card and getting the next ready, at 10,000 cards and 100,000 log rows.",
        discussion: """
            Builds a throwaway database (4 in 5 cards studied, the log spread over a year), starts \
            a review session and times, per rating: saving it (log row and card state in one \
            transaction), picking the next card, and working out that card's four intervals, the \
            work line mode does between a key press and the next prompt. Prints the median and \
            95th percentile, the session start, and the file size per 10,000 reviews. Timings \
            vary with the machine's load: compare runs made side by side.
            """)

    @Option(help: "Cards in the database.") var cards = 10_000
    @Option(name: .customLong("log-rows"), help: "Review-log rows before timing.") var logRows = 100_000
    @Option(help: "Ratings to time.") var ratings = 1000
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard cards >= 1, logRows >= 0, ratings >= 1 else {
            throw ValidationError("--cards and --ratings must be at least 1 and --log-rows at least 0")
        }
    }

    func run() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-bench-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ReviewBenchmark(cards: cards, logRows: logRows, ratings: ratings).run(in: dir)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(r), as: UTF8.self))
            return
        }
        print("store: \(r.cards) cards, \(r.logRows) log rows, \(r.ratings) ratings timed")
        print(String(format: "  rate + save + next card + preview   median %.3f ms   p95 %.3f ms", r.rateMedianMs, r.rateP95Ms))
        print(String(format: "  session start                       %.1f ms", r.sessionStartMs))
        print("  database size                       \(r.databaseBytes / 1024) KiB; \(r.bytesPer10kReviews / 1024) KiB per 10,000 reviews")
    }
}
