import Foundation
import Testing

/// `dojo settings` through the binary: values persist in $DOJO_HOME and sessions use them.
@Suite(.serialized) struct SettingsCommandTests {
    typealias Sandbox = ReviewPlainTests.Sandbox

    @Test func listsEverySettingWithItsDefaultAndShowsOne() throws {
        let box = try Sandbox(cards: 1)
        defer { box.remove() }
        let all = try DojoBinary.run(["settings"], environment: box.environment)
        #expect(all.status == 0, "stderr: \(all.err)")
        let lines = all.out.split(separator: "\n")
        #expect(lines.map { $0.split(separator: " ")[0] } == [
            "new-per-day", "reviews-per-day", "desired-retention", "day-start-hour", "leech-threshold",
            "learn-ahead-minutes", "quiz-affects-schedule",
        ])
        #expect(lines[0].hasPrefix("new-per-day           20     (default 20; 0–9999)"), "\(lines[0])")
        let one = try DojoBinary.run(["settings", "desired-retention"], environment: box.environment)
        #expect(one.out.split(separator: "\n").count == 1)
        #expect(one.out.contains("0.90   (default 0.90; 0.70–0.99)"), "\(one.out)")
    }

    @Test func aSetLimitIsUsedByTheNextReview() throws {
        let box = try Sandbox(cards: 5)
        defer { box.remove() }
        let before = try DojoBinary.run(["review", "--plain"], stdin: "q\n", environment: box.environment)
        #expect(before.out.contains("Review: 0 due, 5 new, 0 learning."), "\(before.out)")

        let set = try DojoBinary.run(["settings", "new-per-day", "2"], environment: box.environment)
        #expect(set.status == 0, "stderr: \(set.err)")
        #expect(set.out == "new-per-day = 2 (was 20)\n")
        let shown = try DojoBinary.run(["settings", "new-per-day"], environment: box.environment)
        #expect(shown.out.hasPrefix("new-per-day           2      (default 20;"), "\(shown.out)")

        let after = try DojoBinary.run(["review", "--plain"], stdin: "\n4\n\n4\n", environment: box.environment)
        #expect(after.out.contains("Review: 0 due, 2 new, 0 learning."), "\(after.out)")
        #expect(after.out.contains("Q: Question 2"))
        #expect(!after.out.contains("Question 3"))
        #expect(after.out.contains("Nothing left for now."))
    }

    @Test func aBadKeyOrValueExitsTwoAndChangesNothing() throws {
        let box = try Sandbox(cards: 1)
        defer { box.remove() }
        let defaults = try DojoBinary.run(["settings"], environment: box.environment).out
        let cases: [([String], [String])] = [
            (["new_per_day", "3"], ["no setting \"new_per_day\"", "new-per-day, reviews-per-day"]),
            (["nope"], ["no setting \"nope\""]),
            (["desired-retention", "1.5"], ["desired-retention cannot be \"1.5\"", "0.70–0.99"]),
            (["day-start-hour", "24"], ["day-start-hour", "0–23"]),
            (["new-per-day", "-1"], ["new-per-day", "0–9999"]),
            (["quiz-affects-schedule", "1"], ["quiz-affects-schedule", "on or off"]),
        ]
        for (args, messages) in cases {
            let r = try DojoBinary.run(["settings"] + args, environment: box.environment)
            #expect(r.status == 2, "\(args): \(r.err)")
            #expect(r.out.isEmpty)
            for m in messages { #expect(r.err.contains(m), "\(args): \(r.err)") }
        }
        #expect(try DojoBinary.run(["settings"], environment: box.environment).out == defaults)
    }
}
