import Foundation
import Testing

/// `dojo content check|stats` and `dojo deck` on the StudyTests fixtures.
@Suite struct ContentCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("StudyTests/Fixtures/content").path

    @Test func checkPassesOnValidContent() throws {
        let r = try DojoBinary.run(["content", "check", Self.fixtures + "/valid"])
        #expect(r.status == 0)
        #expect(r.out == "2 files, 3 cards, 0 errors\n")
    }

    @Test func checkReportsFileLineAndExits1() throws {
        let dir = Self.fixtures + "/broken"
        let r = try DojoBinary.run(["content", "check", dir])
        #expect(r.status == 1)
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("\(dir)/aaa-syntax.yaml:7: YAML syntax error") == true)
        // Coverage waits until every file parses, so the syntax error is not buried.
        #expect(lines.count == 2)
        #expect(lines.last == "2 files, 1 card, 1 error")
    }

    @Test func statsPrintsCoverageAndJSON() throws {
        let r = try DojoBinary.run(["content", "stats", Self.fixtures + "/valid"])
        #expect(r.status == 0)
        #expect(r.out.contains("seed coverage: 3/3"))
        #expect(r.out.contains("myths: 2"))
        let j = try DojoBinary.run(["content", "stats", Self.fixtures + "/valid", "--json"])
        let obj = try JSONSerialization.jsonObject(with: Data(j.out.utf8)) as? [String: Any]
        #expect(obj?["cards"] as? Int == 3)
        #expect(obj?["seedsCovered"] as? Int == 3)
    }

    @Test func deckExportImportRoundTrip() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-e2e-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: home) }
        let env = ["DOJO_CONTENT": Self.fixtures + "/valid", "DOJO_HOME": home.path]
        let export = try DojoBinary.run(["deck", "export", "--topic", "lora", "--lang", "en"], environment: env)
        #expect(export.status == 0)
        #expect(export.out.hasPrefix("#separator:tab\n#html:false\n#tags column:3\nWhat is the rank r in LoRA?\t"))
        let file = home.appendingPathComponent("lora-export.txt")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try Data((export.out + "a lone field\n").utf8).write(to: file)
        let imp = try DojoBinary.run(["deck", "import", file.path, "--name", "mine"], environment: env)
        #expect(imp.status == 0)
        #expect(imp.err.contains("line 6: expected 2+ fields, found 1"))
        #expect(imp.out.contains("imported 2 cards into \(home.path)/decks/mine.yaml"))
        let again = try DojoBinary.run(["deck", "import", file.path, "--name", "mine"], environment: env)
        #expect(again.status != 0)
        #expect(again.err.contains("--force"))
        // The imported deck loads beside the content without problems.
        let check = try DojoBinary.run(["content", "check", "--with-decks"], environment: env)
        #expect(check.out.hasSuffix("3 files, 5 cards, 0 errors\n"))
        #expect(check.status == 0)
    }
}
