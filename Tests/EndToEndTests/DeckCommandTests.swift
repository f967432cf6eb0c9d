import Foundation
import Testing

/// `dojo deck import` failures: a message of their own, exit 1, no usage text.
@Suite struct DeckCommandTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-deck-\(UUID().uuidString)")
    var env: [String: String] { ["DOJO_CONTENT": ContentCommandTests.fixtures + "/valid", "DOJO_HOME": home.path] }

    func file(_ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let url = home.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func failuresExplainThemselvesAndExitOne() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        let missing = try DojoBinary.run(["deck", "import", home.appendingPathComponent("nope.txt").path], environment: env)
        #expect(missing.status == 1)
        #expect(missing.err.contains("dojo deck import: cannot read") && missing.err.contains("nope.txt"), "\(missing.err)")

        let empty = try file("empty.txt", "one field\n\ttwo\n")
        let none = try DojoBinary.run(["deck", "import", empty], environment: env)
        #expect(none.status == 1)
        #expect(none.err.contains("no cards could be read:\nline 1: expected 2+ fields, found 1\nline 2: empty front"), "\(none.err)")

        let latin1 = try file("latin1.txt", "")
        try Data([0x63, 0x61, 0x66, 0xE9, 0x09, 0x78, 0x0A]).write(to: URL(fileURLWithPath: latin1))
        let notUTF8 = try DojoBinary.run(["deck", "import", latin1], environment: env)
        #expect(notUTF8.status == 1 && notUTF8.err.contains("is not UTF-8"), "\(notUTF8.err)")

        let clash = try file("norms.txt", "q\ta\n")
        let bundled = try DojoBinary.run(["deck", "import", clash], environment: env)
        #expect(bundled.status == 1 && bundled.err.contains("the bundled content has a topic \"norms\""))

        for r in [missing, none, notUTF8, bundled] {
            #expect(!r.err.contains("Usage:") && r.out.isEmpty, "\(r.err)")
        }
    }

    @Test func skippedLinesAreSortedAndCountedInGoodEnglish() throws {
        defer { try? FileManager.default.removeItem(at: home) }
        let one = try file("one.txt", "q1\ta1\nlonely\nq2\ta2\n")
        let r = try DojoBinary.run(["deck", "import", one], environment: env)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasSuffix("imported 2 cards into \(home.path)/decks/one.yaml (1 line skipped)\n"), "\(r.out)")
        let two = try file("two.txt", "q1\ta1\nlonely\n\"never closed\tb\nq2\ta2\nq1\tagain\n")
        let t = try DojoBinary.run(["deck", "import", two], environment: env)
        #expect(t.out.hasSuffix("(2 lines skipped)\n"), "\(t.out)")
        let lines = t.err.split(separator: "\n").map { String($0.split(separator: ":")[1]) }
        #expect(lines == [" line 2", " line 3"], "\(t.err)")
    }
}
