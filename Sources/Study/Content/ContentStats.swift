import Foundation

/// Counts over a library: cards per topic and level, seed coverage, myths, experiments and
/// source kinds. Codable so `dojo content stats --json` can print it as is.
public struct ContentStats: Codable, Sendable, Equatable {
    /// One topic's cards, by level.
    public struct TopicCount: Codable, Sendable, Equatable {
        public var topic: String
        public var cards: Int
        /// Cards at level 1, 2 and 3.
        public var byLevel: [Int]
    }

    public var topics: [TopicCount]
    public var cards: Int
    public var seedsTotal: Int
    public var seedsCovered: Int
    /// Seed ids no card answers, in `seeds.tsv` order.
    public var uncoveredSeeds: [String]
    /// Seeds with a wrong or partly wrong verdict that no myth names.
    public var seedsMissingMyth: [String]
    public var myths: Int
    public var cardsWithExperiment: Int
    /// Cards citing at least one source of each kind (`arxiv`, `url`).
    public var cardsBySourceKind: [String: Int]

    /// Computes the counts.
    public init(_ library: ContentLibrary) {
        let cards = library.cards
        topics = library.topics.map { t in
            TopicCount(topic: t.id, cards: t.cards.count,
                       byLevel: (1...3).map { l in t.cards.filter { $0.level == l }.count })
        }
        self.cards = cards.count
        let answered = Set(cards.flatMap(\.seeds))
        let mythSeeds = Set(cards.flatMap { $0.myths.compactMap(\.seed) })
        seedsTotal = library.seeds.seeds.count
        uncoveredSeeds = library.seeds.seeds.map(\.id).filter { !answered.contains($0) }
        seedsCovered = seedsTotal - uncoveredSeeds.count
        seedsMissingMyth = library.seeds.seeds.filter { $0.needsMyth && !mythSeeds.contains($0.id) }.map(\.id)
        myths = cards.reduce(0) { $0 + $1.myths.count }
        cardsWithExperiment = cards.filter { $0.experiment != nil }.count
        var kinds: [String: Int] = [:]
        for kind in Source.Kind.allCases {
            kinds[kind.rawValue] = cards.filter { $0.sources.contains { $0.kind == kind } }.count
        }
        cardsBySourceKind = kinds
    }

    /// A plain-text report, one fact per line.
    public var text: String {
        var lines = ["topic                      cards   L1   L2   L3"]
        for t in topics {
            let name = t.topic.padding(toLength: 26, withPad: " ", startingAt: 0)
            lines.append(name + pad(t.cards, 6) + t.byLevel.map { pad($0, 5) }.joined())
        }
        let levels = (0..<3).map { i in topics.reduce(0) { $0 + $1.byLevel[i] } }
        lines.append("total".padding(toLength: 26, withPad: " ", startingAt: 0) + pad(cards, 6) + levels.map { pad($0, 5) }.joined())
        lines.append("")
        lines.append("seed coverage: \(seedsCovered)/\(seedsTotal)")
        if !uncoveredSeeds.isEmpty { lines.append("uncovered seeds: \(uncoveredSeeds.joined(separator: " "))") }
        if !seedsMissingMyth.isEmpty { lines.append("wrong seeds without a myth: \(seedsMissingMyth.joined(separator: " "))") }
        lines.append("myths: \(myths)")
        lines.append("cards with an experiment: \(cardsWithExperiment)")
        lines.append("cards citing arXiv: \(cardsBySourceKind["arxiv"] ?? 0), citing a URL: \(cardsBySourceKind["url"] ?? 0)")
        return lines.joined(separator: "\n")
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }
}
