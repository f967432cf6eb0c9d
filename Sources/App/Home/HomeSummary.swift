import Study

/// Everything the home screen shows, computed once from the content library and the
/// database so the screen itself is a pure function of this value.
public struct HomeSummary: Equatable, Sendable {
    /// One row of the topic list.
    public struct TopicRow: Equatable, Sendable {
        public var id: String
        public var name: LocalizedText
        public var cards: Int
        public var due: Int
        public var new: Int
        /// Mean retrievability of the topic's reviewed cards, nil before any review.
        public var mastery: Double?

        public init(id: String, name: LocalizedText, cards: Int, due: Int, new: Int, mastery: Double?) {
            self.id = id
            self.name = name
            self.cards = cards
            self.due = due
            self.new = new
            self.mastery = mastery
        }
    }

    /// Reviews due now.
    public var dueNow: Int
    /// New cards the daily limit still allows today.
    public var newToday: Int
    /// Cards never reviewed.
    public var unseen: Int
    /// Cards in the library.
    public var totalCards: Int
    /// Ratings given since the start of today.
    public var reviewedToday: Int
    /// Consecutive days with at least one review, up to today.
    public var streakDays: Int
    /// True retention over the last 30 days, nil when there is nothing to measure.
    public var retention: Double?
    /// Quiz answers given today.
    public var quizAnsweredToday: Int
    /// Lab experiments that can be run (none until the lab exists).
    public var experiments: Int
    /// Topics with their counts.
    public var topics: [TopicRow]
    /// Problems worth a banner: content errors, a database that cannot be written.
    public var warnings: [HomeWarning]

    public init(
        dueNow: Int = 0, newToday: Int = 0, unseen: Int = 0, totalCards: Int = 0, reviewedToday: Int = 0,
        streakDays: Int = 0, retention: Double? = nil, quizAnsweredToday: Int = 0, experiments: Int = 0,
        topics: [TopicRow] = [], warnings: [HomeWarning] = []
    ) {
        self.dueNow = dueNow
        self.newToday = newToday
        self.unseen = unseen
        self.totalCards = totalCards
        self.reviewedToday = reviewedToday
        self.streakDays = streakDays
        self.retention = retention
        self.quizAnsweredToday = quizAnsweredToday
        self.experiments = experiments
        self.topics = topics
        self.warnings = warnings
    }
}
