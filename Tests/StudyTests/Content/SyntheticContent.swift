import Foundation
@testable import Study

/// Generates a content directory of valid cards (with seeds.tsv) to measure loading at the
/// size of the real question bank.
enum SyntheticContent {
    static func write(cards: Int, topics: Int, to dir: URL) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var tsv = "id\ttopic\tquestion_zh\tquestion_en\tseed_has_answer\tseed_answer_verdict\n"
        for t in 0..<topics {
            var yaml = "topic: t\(t)\nname: { zh: \"主题 \(t)\", en: \"Topic \(t)\" }\ncards:\n"
            for c in stride(from: t, to: cards, by: topics) {
                tsv += "\(c)-1\tt\(t)\t问题 \(c)\tQuestion \(c)\tyes\twrong\n"
                yaml += """
                  - id: t\(t)-card-\(c)
                    level: \(c % 3 + 1)
                    seeds: ["\(c)-1"]
                    q: { zh: "第 \(c) 个问题是什么？", en: "What is question \(c)?" }
                    a: { zh: "答案 \(c)：低秩更新的内维度。", en: "Answer \(c): the inner dimension of the low-rank update." }
                    detail: { zh: "细节 \(c)，包括数字和例子。", en: "Detail \(c), with numbers and a worked example." }
                    choices:
                      - { zh: "错误一 \(c)", en: "Wrong one \(c)", why: { zh: "原因一", en: "Reason one" } }
                      - { zh: "错误二 \(c)", en: "Wrong two \(c)", why: { zh: "原因二", en: "Reason two" } }
                      - { zh: "错误三 \(c)", en: "Wrong three \(c)", why: { zh: "原因三", en: "Reason three" } }
                      - { zh: "错误四 \(c)", en: "Wrong four \(c)", why: { zh: "原因四", en: "Reason four" } }
                    myths:
                      - claim: { zh: "误区 \(c)", en: "Myth \(c)" }
                        truth: { zh: "事实 \(c)", en: "Truth \(c)" }
                        seed: "\(c)-1"
                    cloze: { zh: "内维度是 {{秩 \(c)}}", en: "The inner dimension is {{rank \(c)}}" }
                    keywords: ["秩|rank", "低秩|low-rank"]
                    sources:
                      - { title: "LoRA: Low-Rank Adaptation of Large Language Models", arxiv: "2106.09685", where: "§4.1" }
                    experiment: lora-rank
                    tags: [synthetic]

                """
            }
            try Data(yaml.utf8).write(to: dir.appendingPathComponent("t\(t).yaml"))
        }
        try Data(tsv.utf8).write(to: dir.appendingPathComponent("seeds.tsv"))
    }
}
