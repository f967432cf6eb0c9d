import Foundation

/// How well one topic is known: the mean recall probability over all its cards, with
/// never-studied cards counting as 0 (so a topic is not "mastered" after one card).
public struct TopicMastery: Equatable, Sendable, Encodable {
    public var topic: String
    public var cards: Int
    /// Cards with a schedule (rated at least once).
    public var studied: Int
    /// Mean retrievability over all cards, new ones at 0, in [0, 1].
    public var mastery: Double
    /// Mean retrievability over studied cards only; nil when none is.
    public var meanRetrievability: Double?

    enum CodingKeys: String, CodingKey {
        case topic, cards, studied, mastery, meanRetrievability = "mean_retrievability"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(topic, forKey: .topic)
        try c.encode(cards, forKey: .cards)
        try c.encode(studied, forKey: .studied)
        try c.encode(mastery, forKey: .mastery)
        try c.encode(meanRetrievability, forKey: .meanRetrievability)
    }

    /// Mastery per topic, topics in the order they first appear in `cards`.
    public static func compute(
        cards: [ReviewCandidate], progress: [String: CardProgress], scheduler: Scheduler, at now: Date
    ) -> [TopicMastery] {
        var order: [String] = []
        var sums: [String: (cards: Int, studied: Int, r: Double)] = [:]
        var seen = Set<String>()
        for card in cards where seen.insert(card.id).inserted {
            if sums[card.topic] == nil { order.append(card.topic); sums[card.topic] = (0, 0, 0) }
            sums[card.topic]!.cards += 1
            if let state = progress[card.id]?.schedule {
                sums[card.topic]!.studied += 1
                sums[card.topic]!.r += scheduler.retrievability(of: state, at: now)
            }
        }
        return order.map { topic in
            let s = sums[topic]!
            return TopicMastery(
                topic: topic, cards: s.cards, studied: s.studied, mastery: s.r / Double(max(s.cards, 1)),
                meanRetrievability: s.studied == 0 ? nil : s.r / Double(s.studied))
        }
    }
}
