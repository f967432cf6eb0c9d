import Foundation
import Testing

/// `dojo quiz --plain` leaves the schedule alone until quiz-affects-schedule is on.
@Suite(.serialized) struct QuizSchedulingEndToEndTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-quiz-sched-\(UUID().uuidString)")
    var env: [String: String] { ["DOJO_CONTENT": ContentCommandTests.fixtures + "/valid", "DOJO_HOME": home.path] }

    /// The review log as exported JSON rows.
    func log() throws -> [[String: Any]] {
        let file = home.appendingPathComponent("log-\(UUID().uuidString).json")
        let r = try DojoBinary.run(["stats", "--export-log", file.path], environment: env)
        #expect(r.status == 0, "stderr: \(r.err)")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [[String: Any]]
    }

    @Test func quizAnswersRateCardsOnlyWhenTurnedOn() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        let quiz = ["quiz", "--plain", "--topic", "norms", "--mode", "myth", "--count", "2", "--seed", "1", "--lang", "en"]
        let off = try DojoBinary.run(quiz, stdin: "m\nm\nn\n", environment: env)
        #expect(off.status == 0, "stderr: \(off.err)")
        #expect(off.out.contains("  norms: 1/2"))
        #expect(!off.out.contains("also rate the cards"))
        #expect(try log().isEmpty)
        let stats = try DojoBinary.run(["stats", "--json"], environment: env)
        let counts = try JSONSerialization.jsonObject(with: Data(stats.out.utf8)) as! [String: Any]
        let newBefore = (counts["counts"] as! [String: Int])["new"]

        #expect(try DojoBinary.run(["settings", "quiz-affects-schedule", "on"], environment: env).status == 0)
        let on = try DojoBinary.run(quiz, stdin: "m\nm\nn\n", environment: env)
        #expect(on.out.contains("Quiz answers also rate the cards"))
        let rows = try log()
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0["kind"] as? String == "quiz" })
        // One right (Good) and one wrong (Again), as the score says.
        #expect(rows.compactMap { $0["rating"] as? Int }.sorted() == [1, 3])
        #expect(rows.allSatisfy { $0["phase_after"] as? String == "learning" })
        let after = try DojoBinary.run(["stats", "--json"], environment: env)
        let countsAfter = try JSONSerialization.jsonObject(with: Data(after.out.utf8)) as! [String: Any]
        let rated = Set(rows.compactMap { $0["card_id"] as? String })
        #expect((countsAfter["counts"] as! [String: Int])["new"] == newBefore.map { $0 - rated.count })
    }

    @Test func aChineseQuizPrintsChineseLabels() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        let r = try DojoBinary.run(["quiz", "--plain", "--topic", "norms", "--mode", "myth", "--count", "2", "--seed", "1", "--lang", "zh"],
                                   stdin: "m\nm\nn\n", environment: env)
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.out.contains("norms · 误区还是事实 · 难度"))
        #expect(r.out.contains("各主题得分：\n  norms: 1/2\n总计：1/2"))
        #expect(r.out.contains("出处：On Layer Normalization"))
        #expect(!r.out.contains("Score by topic"))
    }
}
