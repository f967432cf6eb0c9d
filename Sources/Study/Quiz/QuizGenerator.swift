/// What quiz to make: which cards (topics, levels), which modes, how many, from which seed.
public struct QuizRequest: Hashable, Sendable {
    /// Topic ids to draw from; empty means all.
    public var topics: Set<String>
    /// Levels to draw from; empty means all.
    public var levels: Set<Int>
    /// One mode, or several for a mixed quiz.
    public var modes: [QuizMode]
    public var count: Int
    public var seed: UInt64

    public init(topics: Set<String> = [], levels: Set<Int> = [], modes: [QuizMode] = QuizMode.allCases,
                count: Int = 10, seed: UInt64) {
        self.topics = topics
        self.levels = levels
        self.modes = modes
        self.count = count
        self.seed = seed
    }
}

/// Makes quizzes from cards. Deterministic: the same cards and request give the same
/// questions, in the same order, with the same option order.
public struct QuizGenerator: Sendable {
    public var cards: [Card]

    public init(cards: [Card]) { self.cards = cards }

    public init(library: ContentLibrary) { self.init(cards: library.cards) }

    /// Cards that pass the request's topic and level filters.
    public func candidates(for request: QuizRequest) -> [Card] {
        cards.filter {
            (request.topics.isEmpty || request.topics.contains($0.topic))
                && (request.levels.isEmpty || request.levels.contains($0.level))
        }
    }

    /// Up to `request.count` questions; fewer when not enough cards qualify.
    public func makeQuiz(_ request: QuizRequest) -> [QuizQuestion] {
        var rng = SplitMix64(seed: request.seed)
        let pool = candidates(for: request)
        if request.modes == [.mythOrFact] {
            return mythOrFactQuiz(pool, count: request.count, rng: &rng)
        }
        var questions: [QuizQuestion] = []
        for card in rng.shuffled(pool) where questions.count < request.count {
            let modes = request.modes.filter { Self.canAsk(card, $0) }
            guard let mode = rng.pick(modes), let q = Self.question(card, mode: mode, rng: &rng) else { continue }
            questions.append(q)
        }
        return questions
    }

    /// The missed questions asked again: same cards and modes, new order and option order.
    public func retry(_ missed: [QuizQuestion], seed: UInt64) -> [QuizQuestion] {
        var rng = SplitMix64(seed: seed)
        return rng.shuffled(missed).map { q in
            switch q.content {
            case .multipleChoice:
                return Self.question(q.card, mode: .multipleChoice, rng: &rng) ?? q
            default:
                return q
            }
        }
    }

    /// Whether `card` has what `mode` needs.
    public static func canAsk(_ card: Card, _ mode: QuizMode) -> Bool {
        switch mode {
        case .multipleChoice: return distractors(card).count >= 3
        case .mythOrFact: return !card.myths.isEmpty
        case .cloze: return clozes(card) != nil
        case .typed: return true
        }
    }

    /// A question of `mode` about `card`, or nil when the card cannot be asked that way.
    public static func question(_ card: Card, mode: QuizMode, rng: inout SplitMix64) -> QuizQuestion? {
        switch mode {
        case .multipleChoice:
            let wrong = Array(rng.shuffled(distractors(card)).prefix(3))
            guard wrong.count == 3 else { return nil }
            let options = rng.shuffled([QuizOption(text: card.optionText, why: nil, isCorrect: true)]
                + wrong.map { QuizOption(text: $0.text, why: $0.why, isCorrect: false) })
            return QuizQuestion(card: card, content: .multipleChoice(
                options: options, correct: options.firstIndex(where: \.isCorrect)!))
        case .mythOrFact:
            // Half the time a myth, half the time a true statement; both pools are non-empty.
            guard !card.myths.isEmpty else { return nil }
            let pool = rng.bool() ? mythStatements(card) : factStatements(card)
            return rng.pick(pool).map { QuizQuestion(card: card, content: $0) }
        case .cloze:
            guard let (zh, en) = clozes(card) else { return nil }
            let r = Int(rng.next() >> 1)
            let iz = r % zh.spans.count, ie = r % en.spans.count
            return QuizQuestion(card: card, content: .cloze(
                prompt: LocalizedText(zh: zh.blanking(iz), en: en.blanking(ie)),
                answer: LocalizedText(zh: zh.spans[iz], en: en.spans[ie])))
        case .typed:
            return QuizQuestion(card: card, content: .typed)
        }
    }

    /// The card's wrong choices, without any that repeat another or the answer after
    /// normalization (in either language), so no two options look alike.
    static func distractors(_ card: Card) -> [Choice] {
        var seen = Language.allCases.map { lang in
            Set([card.a, card.optionText].map { TextNormalization.comparisonKey($0.text(in: lang)) })
        }
        var out: [Choice] = []
        for c in card.choices {
            let keys = Language.allCases.map { TextNormalization.comparisonKey(c.text.text(in: $0)) }
            if zip(seen, keys).contains(where: { $0.contains($1) }) { continue }
            for i in seen.indices { seen[i].insert(keys[i]) }
            out.append(c)
        }
        return out
    }

    static func clozes(_ card: Card) -> (Cloze, Cloze)? {
        guard let text = card.cloze,
              case let .success(zh) = Cloze.parse(text.zh), case let .success(en) = Cloze.parse(text.en)
        else { return nil }
        return (zh, en)
    }

    /// Each myth as a statement to judge; the explanation is its correction.
    static func mythStatements(_ card: Card) -> [QuizQuestion.Content] {
        card.myths.map { .mythOrFact(statement: $0.claim, isMyth: true, explanation: $0.truth) }
    }

    /// True statements: the answer and each myth's correction.
    static func factStatements(_ card: Card) -> [QuizQuestion.Content] {
        let why = card.detail ?? card.a
        return [.mythOrFact(statement: card.a, isMyth: false, explanation: why)]
            + card.myths.map { .mythOrFact(statement: $0.truth, isMyth: false, explanation: why) }
    }

    /// A myth-or-fact quiz balanced between myths and facts (they differ by at most one when
    /// both are plentiful). A myth and its own correction are never both asked.
    private func mythOrFactQuiz(_ pool: [Card], count: Int, rng: inout SplitMix64) -> [QuizQuestion] {
        let cards = pool.filter { !$0.myths.isEmpty }
        var myths: [(Card, Myth)] = rng.shuffled(cards.flatMap { c in c.myths.map { (c, $0) } })
        var facts: [(Card, QuizQuestion.Content, Myth?)] = rng.shuffled(cards.flatMap { c in
            [(c, Self.factStatements(c)[0], nil)]
                + c.myths.map { (c, QuizQuestion.Content.mythOrFact(statement: $0.truth, isMyth: false, explanation: c.detail ?? c.a), $0) }
        })
        let wantMyths = min(myths.count, max(count - facts.count, (count + 1) / 2))
        myths = Array(myths.prefix(wantMyths))
        let asked = Set(myths.map { "\($0.0.id)|\($0.1.claim.en)" })
        facts = facts.filter { f in f.2.map { !asked.contains("\(f.0.id)|\($0.claim.en)") } ?? true }
        var questions = myths.map { QuizQuestion(card: $0.0, content: .mythOrFact(statement: $0.1.claim, isMyth: true, explanation: $0.1.truth)) }
        questions += facts.prefix(count - questions.count).map { QuizQuestion(card: $0.0, content: $0.1) }
        return rng.shuffled(questions)
    }
}
