import Foundation

/// One question from the source notes (a row of `seeds.tsv`) and our verdict on the notes' answer.
public struct Seed: Hashable, Sendable {
    public var id: String
    public var topic: String
    public var question: LocalizedText
    public var notesAnswer: Bool
    public var verdict: Verdict
    /// The line of `seeds.tsv` that lists it, for coverage messages.
    public var line: Int

    public init(id: String, topic: String, question: LocalizedText, notesAnswer: Bool, verdict: Verdict, line: Int = 0) {
        self.id = id
        self.line = line
        self.topic = topic
        self.question = question
        self.notesAnswer = notesAnswer
        self.verdict = verdict
    }

    /// How right the notes' answer was.
    public enum Verdict: String, Sendable, CaseIterable {
        case correct, partlyWrong = "partly-wrong", wrong, none
    }

    /// Wrong and partly wrong answers must be kept as myths on some card.
    public var needsMyth: Bool { verdict == .wrong || verdict == .partlyWrong }
}

/// The seed questions, parsed from `seeds.tsv` (header line, then six tab-separated fields).
public struct SeedInventory: Sendable {
    public var seeds: [Seed]
    private var index: [String: Int]

    public init(seeds: [Seed]) {
        self.seeds = seeds
        var index: [String: Int] = [:]
        for (i, s) in seeds.enumerated() where index[s.id] == nil { index[s.id] = i }
        self.index = index
    }

    /// The seed with `id`, if listed.
    public subscript(id: String) -> Seed? { index[id].map { seeds[$0] } }

    /// Whether `id` is listed.
    public func contains(_ id: String) -> Bool { index[id] != nil }

    /// Parses the TSV text; malformed rows become problems at their line and are skipped.
    public static func parse(_ text: String, file: String) -> (inventory: SeedInventory, problems: [ContentProblem]) {
        var seeds: [Seed] = [], problems: [ContentProblem] = [], seen: [String: Int] = [:]
        for (n, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = n + 1
            let line = raw
            if lineNumber == 1 || line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 6 else {
                problems.append(.init(file: file, line: lineNumber, "expected 6 tab-separated fields, found \(f.count)"))
                continue
            }
            guard let verdict = Seed.Verdict(rawValue: f[5]) else {
                problems.append(.init(file: file, line: lineNumber,
                    "seed \"\(f[0])\": verdict \"\(f[5])\" is not one of correct, partly-wrong, wrong, none"))
                continue
            }
            if let first = seen[f[0]] {
                problems.append(.init(file: file, line: lineNumber, "seed \"\(f[0])\": already listed at line \(first)"))
                continue
            }
            seen[f[0]] = lineNumber
            seeds.append(Seed(id: f[0], topic: f[1], question: LocalizedText(zh: f[2], en: f[3]),
                              notesAnswer: f[4] == "yes", verdict: verdict, line: lineNumber))
        }
        return (SeedInventory(seeds: seeds), problems)
    }
}
