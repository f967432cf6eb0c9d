import Dispatch

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
        var incomplete: [Card] = []
        var everyFileDecoded = true
        let checked = checkFiles(files, seeds: seeds?.inventory)
        for (file, outcome) in zip(files, checked) {
            problems += outcome.problems
            guard let decoded = outcome.decoded else {
                everyFileDecoded = false
                continue
            }
            let here = SourceLocation(file: file.path, line: decoded.line)
            if let first = topicAt[decoded.id] {
                problems.append(ContentProblem(here, "topic \"\(decoded.id)\": already defined at \(first); a topic is one file"))
                continue
            }
            topicAt[decoded.id] = here
            var cards: [Card] = []
            for d in decoded.cards {
                if let first = cardAt[d.card.id] {
                    let hint = file.origin == .userDeck
                        ? "a user deck cannot replace a card; give it another id"
                        : "ids must be unique across all files"
                    problems.append(ContentProblem(d.card.location,
                        "card \"\(d.card.id)\": id already used at \(first) (\(hint))"))
                    continue
                }
                cardAt[d.card.id] = d.card.location
                if d.complete {
                    problems += outcome.ruleProblems[d.card.id] ?? []
                    cards.append(d.card)
                } else {
                    incomplete.append(d.card)
                }
            }
            topics.append(Topic(id: decoded.id, name: decoded.name, cards: cards, location: here))
        }
        let library = ContentLibrary(topics: topics, seeds: seeds?.inventory ?? SeedInventory(seeds: []))
        // Coverage is judged once every file decodes: a file that does not parse would
        // otherwise bury its one syntax error under dozens of "seed not answered".
        if let seeds, everyFileDecoded {
            problems += coverageProblems(library.cards + incomplete, seeds: seeds.inventory, seedsPath: seeds.path)
        }
        return Result(library: library, problems: problems, fileCount: files.count)
    }

    /// One file parsed and its cards checked against the card rules, independently of the others.
    struct FileOutcome: Sendable {
        var decoded: DecodedTopic?
        var problems: [ContentProblem]
        /// Rule problems of each complete card, by card id (first card wins on a duplicate id,
        /// which the caller reports and skips anyway).
        var ruleProblems: [String: [ContentProblem]]
    }

    /// Parses and checks every file, on all cores: YAML parsing is most of start-up time and
    /// the files are independent. Results come back in the files' order, so output is the
    /// same as a sequential run.
    static func checkFiles(_ files: [ContentFile], seeds: SeedInventory?) -> [FileOutcome] {
        let results = UnsafeMutableBufferPointer<FileOutcome?>.allocate(capacity: files.count)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            var decoder = TopicFileDecoder(file: files[i])
            let decoded = decoder.decode()
            var rules: [String: [ContentProblem]] = [:]
            for d in decoded?.cards ?? [] where d.complete && rules[d.card.id] == nil {
                rules[d.card.id] = CardRules.check(d, origin: files[i].origin, seeds: seeds)
            }
            slots[i] = FileOutcome(decoded: decoded, problems: decoder.problems, ruleProblems: rules)
        }
        return results.map { $0! }
    }

    /// Every seed answered by some card; every wrong or partly wrong seed kept as a myth.
    public static func coverageProblems(_ cards: [Card], seeds: SeedInventory, seedsPath: String) -> [ContentProblem] {
        var answered: Set<String> = [], mythSeeds: Set<String> = []
        for card in cards {
            answered.formUnion(card.seeds)
            for myth in card.myths { if let s = myth.seed { mythSeeds.insert(s) } }
        }
        var problems: [ContentProblem] = []
        for seed in seeds.seeds {
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
