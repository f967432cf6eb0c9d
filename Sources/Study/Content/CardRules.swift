/// The content rules that go beyond the schema, for one decoded card: id format, level,
/// choices, sources, seeds, cloze markers and experiment ids. Pure: the caller supplies the
/// seed inventory (nil when none is known, and then seed ids are not checked).
public enum CardRules {
    /// The experiment ids a card may name (`dojo lab EXPERIMENT`).
    public static let experiments = ["lora-placement", "lora-rank", "norms", "posenc", "peft", "rlhf"]

    /// The fewest wrong choices a bundled card needs for a multiple-choice question.
    public static let minimumChoices = 3

    /// Problems with `decoded`, each at the line of the field concerned.
    public static func check(_ decoded: DecodedCard, origin: ContentOrigin, seeds: SeedInventory?) -> [ContentProblem] {
        let card = decoded.card, lines = decoded.lines, file = card.location.file
        var problems: [ContentProblem] = []
        func report(_ path: String, _ message: String) {
            problems.append(ContentProblem(file: file, line: lines[path], "card \"\(card.id)\": \(message)"))
        }

        if !isKebabCase(card.id) {
            report("id", "id: \"\(card.id)\" must be kebab-case (a-z, 0-9 and single hyphens)")
        }
        if !(1...3).contains(card.level) {
            report("level", "level: must be 1, 2 or 3, found \(card.level)")
        }
        if card.imported && origin == .bundled {
            report("imported", "imported: only user decks ($DOJO_HOME/decks) may hold imported cards")
        }
        let relaxed = card.imported && origin == .userDeck
        checkChoices(card, written: lines.itemCount("choices"), relaxed: relaxed || !lines.has("choices"), report: report)
        if lines.itemCount("sources") == 0 && !relaxed && lines.has("sources") {
            report("sources", "sources: need at least 1 (title, where, and arxiv or url)")
        }
        for (i, source) in card.sources.enumerated() {
            let path = "sources[\(i)]"
            if source.arxiv == nil && source.url == nil {
                report(path, "\(path): needs \"arxiv\" (NNNN.NNNNN) or \"url\" (http…)")
            }
            if let id = source.arxiv, !isArxivId(id) {
                report("\(path).arxiv", "\(path).arxiv: \"\(id)\" is not an arXiv id like 2106.09685")
            }
            if let url = source.url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                report("\(path).url", "\(path).url: \"\(url)\" must start with http:// or https://")
            }
        }
        if let seeds {
            for (i, id) in card.seeds.enumerated() where !seeds.contains(id) {
                report("seeds[\(i)]", "seeds: unknown seed id \"\(id)\" (not in seeds.tsv)")
            }
            for (i, myth) in card.myths.enumerated() {
                if let id = myth.seed, !seeds.contains(id) {
                    report("myths[\(i)].seed", "myths[\(i)].seed: unknown seed id \"\(id)\" (not in seeds.tsv)")
                }
            }
        }
        if let cloze = card.cloze {
            for lang in Language.allCases {
                if case let .failure(problem) = Cloze.parse(cloze.text(in: lang)) {
                    report("cloze.\(lang.rawValue)", "cloze.\(lang.rawValue): \(problem)")
                }
            }
        }
        if let e = card.experiment, !experiments.contains(e) {
            report("experiment", "experiment: unknown id \"\(e)\" (known: \(experiments.joined(separator: ", ")))")
        }
        return problems
    }

    /// `written` counts the items in the file, so a malformed choice (reported by the decoder)
    /// does not also trip the count.
    private static func checkChoices(_ card: Card, written: Int, relaxed: Bool, report: (String, String) -> Void) {
        if written < minimumChoices && !relaxed {
            report("choices", "choices: need at least \(minimumChoices), found \(written)")
        }
        // A malformed choice was reported and dropped; indexes would no longer match the file.
        guard written == card.choices.count else { return }
        for lang in Language.allCases {
            let answers = [card.a, card.optionText].map { TextNormalization.comparisonKey($0.text(in: lang)) }
            var seen: [String: Int] = [:]
            for (i, choice) in card.choices.enumerated() {
                let key = TextNormalization.comparisonKey(choice.text.text(in: lang))
                if answers.contains(key) {
                    report("choices[\(i)].\(lang.rawValue)", "choices[\(i)]: same as the answer (\(lang.rawValue))")
                } else if let first = seen[key] {
                    report("choices[\(i)].\(lang.rawValue)", "choices[\(i)]: duplicates choices[\(first)] (\(lang.rawValue))")
                } else {
                    seen[key] = i
                }
            }
        }
    }

    /// `lora-rank`, `pe2`: lower-case letters and digits in hyphen-separated words.
    public static func isKebabCase(_ id: String) -> Bool {
        let words = id.split(separator: "-", omittingEmptySubsequences: false)
        return !id.isEmpty && words.allSatisfy { w in
            !w.isEmpty && w.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    /// `NNNN.NNNN` or `NNNN.NNNNN` (the arXiv identifier scheme since 2007).
    public static func isArxivId(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let digits = { (s: Substring) in s.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
        return parts[0].count == 4 && (4...5).contains(parts[1].count) && digits(parts[0]) && digits(parts[1])
    }
}
