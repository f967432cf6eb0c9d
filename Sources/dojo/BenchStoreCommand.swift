import ArgumentParser
import Foundation
import Store

/// `dojo bench-store` (hidden): the review path's speed and the review log's size on a full
/// database in a temporary directory. To be folded into `dojo bench`.
struct BenchStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-store",
        abstract: "Time rating a card and fetching the next at 10,000 cards and 100,000 log rows.",
        shouldDisplay: false)

    @Option(help: "Cards in the database.") var cards = 10_000
    @Option(name: .customLong("log-rows"), help: "Review-log rows before timing.") var logRows = 100_000
    @Option(help: "Ratings to time.") var ratings = 300
    @Flag(help: "Print JSON.") var json = false

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
        print(String(format: "  rate + save + next card   median %.3f ms   p95 %.3f ms", r.rateMedianMs, r.rateP95Ms))
        print(String(format: "  session start             %.1f ms", r.sessionStartMs))
        print("  database size             \(r.databaseBytes / 1024) KiB; \(r.bytesPer10kReviews / 1024) KiB per 10,000 reviews")
    }
}
