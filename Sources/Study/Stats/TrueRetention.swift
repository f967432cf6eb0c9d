/// Passed and failed reviews, and the pass rate.
public struct RetentionRate: Equatable, Sendable, Encodable {
    public var passed: Int
    public var failed: Int

    public init(passed: Int = 0, failed: Int = 0) {
        self.passed = passed
        self.failed = failed
    }

    /// Reviews counted.
    public var total: Int { passed + failed }
    /// passed / total, nil with no reviews.
    public var rate: Double? { total == 0 ? nil : Double(passed) / Double(total) }

    enum CodingKeys: String, CodingKey { case passed, failed, total, rate }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(passed, forKey: .passed)
        try c.encode(failed, forKey: .failed)
        try c.encode(total, forKey: .total)
        try c.encode(rate, forKey: .rate)
    }
}

/// True retention as Anki defines it: of review-phase cards, the share not forgotten (not
/// rated Again) at their first review of the day; learning steps and cram are left out.
/// Young and mature are apart, because mature cards (interval ≥ 21 days) should hold steady
/// near the desired retention while young ones vary more.
public struct TrueRetention: Equatable, Sendable, Encodable {
    public var young: RetentionRate
    public var mature: RetentionRate

    /// The interval, in days, from which a card counts as mature.
    public static let matureDays = 21.0

    /// Retention over the log rows on or after `since` (all rows if nil).
    public static func compute(log: [ReviewLogEntry], calendar: StudyCalendar, since: StudyDay? = nil) -> TrueRetention {
        var young = RetentionRate(), mature = RetentionRate()
        var seen = Set<String>()
        for entry in log where entry.kind == .review && entry.phaseBefore == .review {
            let day = calendar.day(containing: entry.reviewedAt)
            if let since, day < since { continue }
            guard seen.insert("\(day)\u{0}\(entry.cardID)").inserted else { continue }
            let isMature = (entry.scheduledDaysBefore ?? 0) >= matureDays
            if entry.passed {
                if isMature { mature.passed += 1 } else { young.passed += 1 }
            } else {
                if isMature { mature.failed += 1 } else { young.failed += 1 }
            }
        }
        return TrueRetention(young: young, mature: mature)
    }
}
