/// One interview question with its answer, distractors, myths and sources. Review history is
/// stored against `id`, which never changes once shipped, so editing the text keeps progress.
public struct Card: Hashable, Sendable, Identifiable {
    public var id: String
    /// The id of the topic (file) the card belongs to.
    public var topic: String
    /// 1 basics, 2 standard, 3 deep.
    public var level: Int
    /// Seed question ids (from `seeds.tsv`) this card answers.
    public var seeds: [String]
    public var q: LocalizedText
    public var a: LocalizedText
    public var detail: LocalizedText?
    /// The answer in a few words, shown as the correct option of a multiple-choice question so
    /// it is not given away by being far longer than the wrong ones; nil falls back to `a`.
    public var short: LocalizedText?
    public var choices: [Choice]
    public var myths: [Myth]
    /// Text with `{{…}}` spans to blank out, in both languages.
    public var cloze: LocalizedText?
    /// Typed-answer keywords: each inner array is one group of synonyms.
    public var keywords: [[String]]
    public var sources: [Source]
    public var experiment: String?
    public var tags: [String]
    /// Imported from another tool (e.g. Anki): may lack choices and sources.
    public var imported: Bool
    /// Where the card is written, for messages that point the author at it.
    public var location: SourceLocation

    public init(
        id: String, topic: String, level: Int, seeds: [String] = [], q: LocalizedText, a: LocalizedText,
        detail: LocalizedText? = nil, choices: [Choice] = [], myths: [Myth] = [], cloze: LocalizedText? = nil,
        keywords: [[String]] = [], sources: [Source] = [], experiment: String? = nil, tags: [String] = [],
        imported: Bool = false, location: SourceLocation = SourceLocation(file: "", line: 0)
    ) {
        self.id = id; self.topic = topic; self.level = level; self.seeds = seeds
        self.q = q; self.a = a; self.detail = detail; self.choices = choices; self.myths = myths
        self.cloze = cloze; self.keywords = keywords; self.sources = sources
        self.experiment = experiment; self.tags = tags; self.imported = imported; self.location = location
    }

    /// What a multiple-choice question offers as the right option.
    public var optionText: LocalizedText { short ?? a }
}

/// A plausible wrong answer and why it is wrong.
public struct Choice: Hashable, Sendable {
    public var text: LocalizedText
    public var why: LocalizedText

    public init(text: LocalizedText, why: LocalizedText) {
        self.text = text
        self.why = why
    }
}

/// A claim that sounds right and is wrong, with the correction; `seed` names the seed
/// question whose notes made the claim.
public struct Myth: Hashable, Sendable {
    public var claim: LocalizedText
    public var truth: LocalizedText
    public var seed: String?

    public init(claim: LocalizedText, truth: LocalizedText, seed: String? = nil) {
        self.claim = claim
        self.truth = truth
        self.seed = seed
    }
}

/// A primary source backing a card: a paper (arXiv id) or a page (URL), and where in it.
public struct Source: Hashable, Sendable {
    public var title: String
    public var arxiv: String?
    public var url: String?
    /// Section, table or figure, e.g. "§7.1, Table 5".
    public var location: String

    public init(title: String, arxiv: String? = nil, url: String? = nil, where location: String) {
        self.title = title
        self.arxiv = arxiv
        self.url = url
        self.location = location
    }

    /// What kind of source this is, for statistics.
    public var kind: Kind { arxiv != nil ? .arxiv : .url }

    /// Paper on arXiv, or any other page.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case arxiv, url
    }

    /// One line for a reader: title, arXiv id or URL, and where.
    public var citation: String {
        var parts = [title]
        if let arxiv { parts.append("arXiv \(arxiv)") } else if let url { parts.append(url) }
        if !location.isEmpty { parts.append(location) }
        return parts.joined(separator: ", ")
    }
}

/// A file and line in the content, as editors and compilers print it.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}
