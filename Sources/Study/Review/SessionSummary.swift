/// What a session did, for the closing summary.
public struct SessionSummary: Equatable, Sendable {
    /// Ratings given, by rating.
    public var ratings: [Rating: Int] = [:]
    /// New cards seen for the first time.
    public var newCards = 0
    public var buried: [String] = []
    public var suspended: [String] = []
    /// Cards that became leeches (and were suspended) during the session.
    public var leeches: [String] = []

    public init() {}

    /// All ratings given.
    public var answered: Int { ratings.values.reduce(0, +) }

    /// Ratings given with `rating`.
    public func count(of rating: Rating) -> Int { ratings[rating] ?? 0 }
}
