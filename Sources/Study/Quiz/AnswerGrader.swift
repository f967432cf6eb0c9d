/// Lenient grading of free-text answers: case, punctuation, full/half-width and spacing are
/// ignored; a keyword group counts when any of its synonyms appears.
public enum AnswerGrader {
    /// The share of keyword groups an answer must hit (at least one group in any case).
    public static let keywordThreshold = 0.6

    /// How a typed answer fared.
    public enum Verdict: Hashable, Sendable {
        case correct, incorrect
        /// No keywords or cloze to compare with: show the answer and let the learner judge.
        case selfGrade
    }

    /// The verdict with the keyword groups found and missed, for feedback.
    public struct TypedGrade: Hashable, Sendable {
        public var verdict: Verdict
        public var matched: [[String]]
        public var missed: [[String]]
        /// How many groups were needed.
        public var required: Int
    }

    /// Grades a typed answer to `card`: by keywords when it has them, else against its cloze
    /// spans, else it asks for self-grading.
    public static func gradeTyped(_ answer: String, card: Card) -> TypedGrade {
        if !card.keywords.isEmpty {
            return gradeKeywords(answer, groups: card.keywords)
        }
        if let cloze = card.cloze {
            let ok = Language.allCases.contains { lang in
                guard case let .success(c) = Cloze.parse(cloze.text(in: lang)) else { return false }
                return c.spans.allSatisfy { contains(answer, keyword: $0) }
            }
            return TypedGrade(verdict: ok ? .correct : .incorrect, matched: [], missed: [], required: 0)
        }
        return TypedGrade(verdict: .selfGrade, matched: [], missed: [], required: 0)
    }

    /// Passes when at least `max(1, ⌈threshold × groups⌉)` groups are matched.
    public static func gradeKeywords(_ answer: String, groups: [[String]]) -> TypedGrade {
        var matched: [[String]] = [], missed: [[String]] = []
        for group in groups {
            if group.contains(where: { contains(answer, keyword: $0) }) { matched.append(group) } else { missed.append(group) }
        }
        let required = max(1, Int((keywordThreshold * Double(groups.count)).rounded(.up)))
        return TypedGrade(verdict: matched.count >= required ? .correct : .incorrect,
                          matched: matched, missed: missed, required: required)
    }

    /// A cloze answer is right when it equals the span in either language (leniently).
    public static func gradeCloze(_ answer: String, expected: LocalizedText) -> Bool {
        let given = TextNormalization.gradingForm(answer).filter { $0 != " " }
        guard !given.isEmpty else { return false }
        return Language.allCases.contains {
            TextNormalization.gradingForm(expected.text(in: $0)).filter { $0 != " " } == given
        }
    }

    /// Whether `keyword` occurs in `answer`. Short Latin keywords ("r", "kv") must stand as
    /// whole words so "r" does not match every "r" in a sentence; longer keywords also match
    /// with spacing ignored ("low rank" = "low-rank" = "lowrank").
    public static func contains(_ answer: String, keyword: String) -> Bool {
        let a = TextNormalization.gradingForm(answer), k = TextNormalization.gradingForm(keyword)
        guard !k.isEmpty else { return false }
        if containsAsWord(Array(a.unicodeScalars), Array(k.unicodeScalars)) { return true }
        let compactKeyword = k.filter { $0 != " " }
        return compactKeyword.count >= 4 && a.filter { $0 != " " }.contains(compactKeyword)
    }

    private static func isLatinAlnum(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("0"..."9").contains(s)
    }

    /// Occurrence of `k` in `a` whose Latin edges are not glued to other Latin letters or digits.
    private static func containsAsWord(_ a: [Unicode.Scalar], _ k: [Unicode.Scalar]) -> Bool {
        guard k.count <= a.count else { return false }
        for start in 0...(a.count - k.count) where Array(a[start..<start + k.count]) == k {
            let before = start > 0 ? a[start - 1] : nil
            let after = start + k.count < a.count ? a[start + k.count] : nil
            let leftOK = !isLatinAlnum(k[0]) || before.map { !isLatinAlnum($0) } ?? true
            let rightOK = !isLatinAlnum(k[k.count - 1]) || after.map { !isLatinAlnum($0) } ?? true
            if leftOK && rightOK { return true }
        }
        return false
    }
}
