/// All topics and cards the app knows, with lookups by card id and topic, and the seed
/// inventory they answer. Built by `ContentLoader`; immutable afterwards.
public struct ContentLibrary: Sendable {
    /// Topics in load order: bundled files by name, then user decks by name.
    public let topics: [Topic]
    /// The seed questions (empty when no `seeds.tsv` was found).
    public let seeds: SeedInventory
    private let cardIndex: [String: Card]
    private let topicIndex: [String: Int]

    public init(topics: [Topic], seeds: SeedInventory = SeedInventory(seeds: [])) {
        self.topics = topics
        self.seeds = seeds
        var cards: [String: Card] = [:], topicIndex: [String: Int] = [:]
        for (i, topic) in topics.enumerated() {
            if topicIndex[topic.id] == nil { topicIndex[topic.id] = i }
            for card in topic.cards where cards[card.id] == nil { cards[card.id] = card }
        }
        self.cardIndex = cards
        self.topicIndex = topicIndex
    }

    /// Every card, topic by topic, in file order.
    public var cards: [Card] { topics.flatMap(\.cards) }

    /// The card with `id` (the key progress is stored under).
    public func card(id: String) -> Card? { cardIndex[id] }

    /// The topic with `id`.
    public func topic(id: String) -> Topic? { topicIndex[id].map { topics[$0] } }

    /// The cards of topic `id`, empty when there is no such topic.
    public func cards(inTopic id: String) -> [Card] { topic(id: id)?.cards ?? [] }

    /// Cards whose `seeds:` include `seedId`.
    public func cards(answeringSeed seedId: String) -> [Card] { cards.filter { $0.seeds.contains(seedId) } }
}
