/// Turns content files into a library: decodes each file, applies the card rules, rejects
/// duplicate topic and card ids (naming both places), and checks seed coverage. Pure: files
/// come in as text, problems go out as values.
public enum ContentAssembler {
    /// The outcome of loading: everything usable, and every problem found.
    public struct Result: Sendable {
        public var library: ContentLibrary
        public var problems: [ContentProblem]
        /// How many files were read (content files, not `seeds.tsv`).
        public var fileCount: Int
    }

    /// Builds the library from `files` (in the order given). `seeds` is the parsed inventory
    /// and where it came from; when present, seed ids are checked and coverage is enforced.
    public static func assemble(_ files: [ContentFile], seeds: (inventory: SeedInventory, path: String)?) -> Result {
        var problems: [ContentProblem] = []
        var topics: [Topic] = []
        var topicAt: [String: SourceLocation] = [:]
        var cardAt: [String: SourceLocation] = [:]
        for file in files {
            var decoder = TopicFileDecoder(file: file)
            let decoded = decoder.decode()
            problems += decoder.problems
            guard let decoded else { continue }
            let here = SourceLocation(file: file.path, line: decoded.line)
            if let first = topicAt[decoded.id] {
                problems.append(ContentProblem(here, "topic \"\(decoded.id)\": already defined at \(first); a topic is one file"))
                continue
            }
            topicAt[decoded.id] = here
            var cards: [Card] = []
            for d in decoded.cards {
                problems += CardRules.check(d, origin: file.origin, seeds: seeds?.inventory)
                if let first = cardAt[d.card.id] {
                    let hint = file.origin == .userDeck
                        ? "a user deck cannot replace a card; give it another id"
                        : "ids must be unique across all files"
                    problems.append(ContentProblem(d.card.location,
                        "card \"\(d.card.id)\": id already used at \(first) (\(hint))"))
                    continue
                }
                cardAt[d.card.id] = d.card.location
                cards.append(d.card)
            }
            topics.append(Topic(id: decoded.id, name: decoded.name, cards: cards, location: here))
        }
        let library = ContentLibrary(topics: topics, seeds: seeds?.inventory ?? SeedInventory(seeds: []))
        if let seeds {
            problems += coverageProblems(library, seedsPath: seeds.path)
        }
        return Result(library: library, problems: problems, fileCount: files.count)
    }

    /// Every seed answered by some card; every wrong or partly wrong seed kept as a myth.
    public static func coverageProblems(_ library: ContentLibrary, seedsPath: String) -> [ContentProblem] {
        var answered: Set<String> = [], mythSeeds: Set<String> = []
        for card in library.cards {
            answered.formUnion(card.seeds)
            for myth in card.myths { if let s = myth.seed { mythSeeds.insert(s) } }
        }
        var problems: [ContentProblem] = []
        for seed in library.seeds.seeds {
            let at = SourceLocation(file: seedsPath, line: seed.line)
            if !answered.contains(seed.id) {
                problems.append(ContentProblem(at,
                    "seed \"\(seed.id)\" is not answered by any card (list it in a card's seeds:)"))
            }
            if seed.needsMyth && !mythSeeds.contains(seed.id) {
                problems.append(ContentProblem(at,
                    "seed \"\(seed.id)\" has verdict \(seed.verdict.rawValue) but no myth names it (add a myth with seed: \"\(seed.id)\")"))
            }
        }
        return problems
    }
}
