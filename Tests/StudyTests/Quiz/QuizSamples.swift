@testable import Study

enum QuizSamples {
    static func t(_ en: String, _ zh: String? = nil) -> LocalizedText { LocalizedText(zh: zh ?? en, en: en) }

    static func card(_ id: String, topic: String = "lora", level: Int = 2, choices: [String] = ["w1", "w2", "w3", "w4"],
                     myths: Int = 1, cloze: LocalizedText? = nil, keywords: [[String]] = []) -> Card {
        Card(id: id, topic: topic, level: level, q: t("Q \(id)?", "问 \(id)？"), a: t("A \(id)", "答 \(id)"),
             detail: t("Detail \(id)"),
             choices: choices.map { Choice(text: t("\($0) \(id)"), why: t("why \($0)")) },
             myths: (0..<myths).map { Myth(claim: t("myth \($0) \(id)"), truth: t("truth \($0) \(id)")) },
             cloze: cloze, keywords: keywords,
             sources: [Source(title: "Paper", arxiv: "2106.09685", where: "§1")])
    }

    /// Twelve cards over three topics and three levels, all askable every way.
    static let deck: [Card] = (0..<12).map { i in
        card("c\(i)", topic: ["lora", "norms", "posenc"][i % 3], level: i % 3 + 1, myths: 2,
             cloze: LocalizedText(zh: "答案是 {{甲 \(i)}} 和 {{乙}}", en: "The answer is {{alpha \(i)}} and {{beta}}"),
             keywords: [["rank", "秩"]])
    }
}
