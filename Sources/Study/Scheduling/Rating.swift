/// How well the learner recalled a card, as chosen on the four rating buttons.
public enum Rating: Int, Sendable, Codable, CaseIterable {
    case again = 1, hard, good, easy
}

/// Where a card sits in its life: still on short learning steps, on day-scale review
/// intervals, or back on short steps after a lapse.
public enum CardPhase: String, Sendable, Codable {
    case learning, review, relearning
}
