import Foundation
import GRDB
import Study

/// Measures the review path on a realistically full database: the time from pressing a
/// rating key to the next card being ready (save the rating, pick the next card, and work
/// out the four intervals line mode prints beside the rating keys), the time to start a
/// session, and the file size the review log costs. `dojo bench-store` runs it.
public struct ReviewBenchmark: Sendable {
    public var cards: Int
    public var logRows: Int
    public var ratings: Int

    public init(cards: Int = 10_000, logRows: Int = 100_000, ratings: Int = 1000) {
        self.cards = cards
        self.logRows = logRows
        self.ratings = ratings
    }

    /// What one run measured.
    public struct Result: Sendable, Encodable {
        public var cards: Int
        public var logRows: Int
        public var ratings: Int
        /// Next cards whose four intervals were worked out inside the timed step.
        public var previewed: Int
        /// Rate + save + next card + its four-rating preview, median and 95th percentile, in milliseconds.
        public var rateMedianMs: Double
        public var rateP95Ms: Double
        /// Opening a session (settings, all progress, today's counts, queue), in milliseconds.
        public var sessionStartMs: Double
        /// Growth of the database file per 10,000 review-log rows, in bytes.
        public var bytesPer10kReviews: Int
        /// The whole file after the run, in bytes.
        public var databaseBytes: Int

        enum CodingKeys: String, CodingKey {
            case cards, ratings, previewed
            case logRows = "log_rows", rateMedianMs = "rate_median_ms", rateP95Ms = "rate_p95_ms"
            case sessionStartMs = "session_start_ms", bytesPer10kReviews = "bytes_per_10k_reviews"
            case databaseBytes = "database_bytes"
        }
    }

    /// Runs in a fresh database under `directory` (which must not hold a dojo.sqlite).
    public func run(in directory: URL) throws -> Result {
        let data = DataDirectory(url: directory)
        let db = try AppDatabase.open(in: data)
        let now = Date()
        var rng = SplitMix64(seed: 2026)
        try seedCards(db, now: now, rng: &rng)
        let before = try checkpointedSize(db, data)
        try seedLog(db, now: now, rng: &rng)
        let after = try checkpointedSize(db, data)
        let perTenThousand = logRows > 0 ? (after - before) * 10_000 / logRows : 0

        var settings = try db.settings()
        settings.reviewsPerDay = cards
        settings.newCardsPerDay = cards
        try db.saveSettings(settings)
        let candidates = (0..<cards).map { ReviewCandidate(id: Self.cardID($0), topic: "topic-\($0 % 20)") }
        let startClock = ContinuousClock.now
        var session = try RecordedReviewSession(database: db, candidates: candidates, now: now)
        let sessionStart = Self.milliseconds(ContinuousClock.now - startClock)

        var times: [Double] = []
        var previewed = 0
        var at = now
        var card = session.nextCard(at: at)
        for _ in 0..<ratings {
            guard let current = card else { break }
            let rating: Rating = rng.next() % 10 == 0 ? .again : .good
            let t0 = ContinuousClock.now
            try session.rate(current.id, rating, at: at, durationMilliseconds: 3000)
            card = session.nextCard(at: at)
            if let next = card, session.session.preview(next.id, at: at).count == Rating.allCases.count { previewed += 1 }
            times.append(Self.milliseconds(ContinuousClock.now - t0))
            at = at.addingTimeInterval(5)
        }
        times.sort()
        let size = try checkpointedSize(db, data)
        return Result(
            cards: cards, logRows: logRows, ratings: times.count, previewed: previewed,
            rateMedianMs: Self.percentile(times, 0.5), rateP95Ms: Self.percentile(times, 0.95),
            sessionStartMs: sessionStart, bytesPer10kReviews: perTenThousand, databaseBytes: size)
    }

    static func cardID(_ i: Int) -> String { "bench-card-\(i)" }

    /// Four in five cards studied, due from a month ago to two months ahead.
    private func seedCards(_ db: AppDatabase, now: Date, rng: inout SplitMix64) throws {
        var states: [CardProgress] = []
        for i in 0..<cards where i % 5 != 0 {
            let stability = Double(rng.next() % 200) / 4 + 1
            let due = now.addingTimeInterval(Double(Int(rng.next() % 90) - 30) * 86_400)
            states.append(CardProgress(
                cardID: Self.cardID(i),
                schedule: CardState(
                    phase: .review, step: nil, stability: stability, difficulty: Double(rng.next() % 90) / 10 + 1,
                    due: due, lastReview: due.addingTimeInterval(-stability * 86_400)),
                reps: Int(rng.next() % 20) + 1, lapses: Int(rng.next() % 3)))
        }
        try db.writer.write { db in for p in states { try p.upsert(db) } }
    }

    /// `logRows` reviews spread over the past year, in one transaction.
    private func seedLog(_ db: AppDatabase, now: Date, rng: inout SplitMix64) throws {
        var records: [ReviewRecord] = []
        records.reserveCapacity(logRows)
        for _ in 0..<logRows {
            let i = Int(rng.next() % UInt64(max(cards, 1)))
            let at = now.addingTimeInterval(-Double(rng.next() % (365 * 86_400)) - 86_400)
            let before = CardProgress(cardID: Self.cardID(i), schedule: CardState(
                phase: .review, step: nil, stability: 10, difficulty: 5,
                due: at, lastReview: at.addingTimeInterval(-10 * 86_400)))
            var after = before
            after.schedule?.due = at.addingTimeInterval(20 * 86_400)
            after.schedule?.lastReview = at
            records.append(ReviewRecord(
                cardID: before.cardID, kind: .review, rating: rng.next() % 10 == 0 ? .again : .good,
                reviewedAt: at, durationMilliseconds: Int(rng.next() % 20_000), before: before, after: after))
        }
        try db.writer.write { db in for r in records { _ = try ReviewLogEntry.insert(r, db) } }
    }

    /// The main file's size after moving the WAL into it, so sizes compare.
    private func checkpointedSize(_ db: AppDatabase, _ data: DataDirectory) throws -> Int {
        _ = try db.writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        let attributes = try FileManager.default.attributesOfItem(atPath: data.databaseURL.path)
        return (attributes[.size] as? Int) ?? 0
    }

    private static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    private static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))
        return sorted[index]
    }
}
