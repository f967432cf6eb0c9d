import Foundation
import Testing

/// A leech from end to end: made by a quiz answer, announced, counted by `dojo stats`,
/// listed and brought back by `dojo cards`, tagged by `dojo deck export`.
@Suite(.serialized) struct CardsCommandTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-cards-\(UUID().uuidString)")
    var env: [String: String] {
        ["DOJO_CONTENT": ContentCommandTests.fixtures + "/valid", "DOJO_HOME": home.path, "DOJO_LANG": "en", "TZ": "UTC"]
    }

    func run(_ args: [String], _ stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
        try DojoBinary.run(args, stdin: stdin, environment: env)
    }

    func counts() throws -> [String: Int] {
        let stats = try run(["stats", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(stats.out.utf8)) as! [String: Any]
        return json["counts"] as! [String: Int]
    }

    func logRows() throws -> Int {
        let file = home.appendingPathComponent("log-\(UUID().uuidString).json")
        _ = try run(["stats", "--export-log", file.path])
        return (try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [Any]).count
    }

    @Test func aQuizLeechIsAnnouncedCountedListedExportedAndUnsuspended() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        // The one norms card graduates to review; then a wrong quiz answer is its first lapse,
        // and with a threshold of 1 that makes it a leech.
        let review = try run(["review", "--topic", "norms"], "\n4\n")
        #expect(review.out.contains("Saved: easy"), "\(review.out)")
        #expect(try run(["settings", "leech-threshold", "1"]).status == 0)
        #expect(try run(["settings", "quiz-affects-schedule", "on"]).status == 0)
        let quiz = ["quiz", "--topic", "norms", "--mode", "myth", "--count", "2", "--seed", "1"]
        let first = try run(quiz, "m\nm\nn\n")
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.contains("norms-pre-ln is a leech (1 lapse): it is suspended."), "\(first.out)")
        #expect(first.out.contains("dojo cards unsuspend norms-pre-ln"))
        let rowsAfterFirst = try logRows()

        var c = try counts()
        #expect(c["leeches"] == 1 && c["suspended"] == 1)
        #expect(try run(["stats"]).out.contains("suspended 1 · leeches 1"))

        let listed = try run(["cards", "suspended"])
        #expect(listed.status == 0, "\(listed.err)")
        #expect(listed.out.hasPrefix("norms-pre-ln · norms · relearning · 1 lapse · leech · suspended · Where do modern LLMs"), "\(listed.out)")
        let leeches = try run(["cards", "leeches", "--json"])
        let rows = try JSONSerialization.jsonObject(with: Data(leeches.out.utf8)) as! [[String: Any]]
        #expect(rows.count == 1 && rows[0]["id"] as? String == "norms-pre-ln" && rows[0]["leech"] as? Bool == true)

        let export = try run(["deck", "export", "--topic", "norms"])
        #expect(export.out.contains("\tnorms leech\n"), "\(export.out)")
        #expect(!(try run(["deck", "export", "--topic", "lora"])).out.contains("leech"))

        // A suspended card is not rated by quiz answers (the answers are still stored).
        let again = try run(quiz, "f\nf\nn\n")
        #expect(again.status == 0)
        #expect(!again.out.contains("is a leech"))
        #expect(try logRows() == rowsAfterFirst)

        // Unknown ids change nothing.
        let unknown = try run(["cards", "unsuspend", "norms-pre-ln", "nope"])
        #expect(unknown.status == 2 && unknown.err.contains("no card nope"), "\(unknown.err)")
        #expect(try counts()["suspended"] == 1)

        let back = try run(["cards", "unsuspend", "norms-pre-ln"])
        #expect(back.out == "norms-pre-ln: unsuspended (still flagged as a leech; --clear-leech drops the flag)\n", "\(back.out)")
        c = try counts()
        #expect(c["suspended"] == 0 && c["leeches"] == 1 && c["relearning"] == 1)
        #expect(try run(["cards", "suspended"]).out == "None.\n")
        #expect(try run(["cards", "unsuspend", "--all"]).out == "No suspended cards.\n")
        let cleared = try run(["cards", "unsuspend", "norms-pre-ln", "--clear-leech"])
        #expect(cleared.out == "norms-pre-ln: leech flag cleared\n", "\(cleared.out)")
        #expect(try counts()["leeches"] == 0)
        #expect(try run(["cards", "unsuspend"]).status != 0)
    }
}
