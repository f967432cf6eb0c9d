import Foundation
import Testing

/// `dojo schedule` through the built binary.
@Suite struct ScheduleCommandTests {
    private func line(_ card: String, _ rating: Int, _ time: String) -> String {
        "{\"card\": \"\(card)\", \"rating\": \(rating), \"time\": \"\(time)\"}"
    }

    @Test func printsTheStateAfterEachReview() throws {
        let input = [
            line("a", 3, "2025-01-01T09:00:00Z"),
            "",
            line("b", 1, "2025-01-01T09:00:30Z"),
            line("a", 3, "2025-01-01T09:10:00Z"),
        ].joined(separator: "\n") + "\n"
        let r = try DojoBinary.run(["schedule", "--no-fuzz"], stdin: input)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.split(separator: "\n") == [
            #"{"card":"a","state":"learning","step":1,"stability":2.3065,"difficulty":2.118103970459016,"due":"2025-01-01T09:10:00Z","retrievability":1.0}"#,
            #"{"card":"b","state":"learning","step":0,"stability":0.212,"difficulty":6.4133,"due":"2025-01-01T09:01:30Z","retrievability":1.0}"#,
            #"{"card":"a","state":"review","step":null,"stability":2.3065,"difficulty":2.111214235785395,"due":"2025-01-03T09:10:00Z","retrievability":1.0}"#,
        ])
    }

    @Test func retrievabilityAtATimeAndBeforeEachReview() throws {
        let input = [line("a", 3, "2025-01-01T09:00:00.123456Z"), line("a", 3, "2025-01-01T09:10:00Z"),
                     line("a", 3, "2025-01-05T09:10:00Z")].joined(separator: "\n")
        let r = try DojoBinary.run(["schedule", "--no-fuzz", "--retrievability-before", "--at", "2025-01-04T09:10:00Z"], stdin: input)
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        // The microseconds of the input survive into the first due. Three whole days after
        // 09:00 (S = 2.3065): R = (1 + f·3/S)^−0.1542 with f = 0.9^(−1/0.1542) − 1.
        #expect(lines[0].contains(#""due":"2025-01-01T09:10:00.123456Z""#), "\(lines[0])")
        #expect(lines[0].hasSuffix(#","retrievability":1.0,"retrievability_before":null,"retrievability_at":0.8809479557659419}"#), "\(lines[0])")
        // Graduated at 09:10 with S = 2.3065: three whole days later R = (1 + f·3/S)^−d.
        let second = try object(lines[1])
        let at = try #require((second["retrievability_at"] as? NSNumber)?.doubleValue)
        let decay = 0.1542, factor = pow(0.9, 1 / -decay) - 1
        let stability = try #require((second["stability"] as? NSNumber)?.doubleValue)
        #expect(abs(at - pow(1 + factor * 3 / stability, -decay)) < 1e-12)
        #expect((second["retrievability_before"] as? NSNumber)?.doubleValue == 1.0)  // same day
        // The third review comes after --at: its state did not exist then.
        let third = try object(lines[2])
        #expect(third["retrievability_at"] is NSNull)
        #expect(abs(try #require((third["retrievability_before"] as? NSNumber)?.doubleValue) - pow(1 + factor * 4 / stability, -decay)) < 1e-12)

        let bad = try DojoBinary.run(["schedule", "--at", "tomorrow"], stdin: "")
        #expect(bad.status != 0 && bad.err.contains("--at tomorrow is not an ISO-8601"), "\(bad.err)")
    }

    @Test func aBadLineStopsWithItsNumberAfterPrintingEarlierLines() throws {
        let input = [line("a", 3, "2025-01-01T09:00:00Z"), line("a", 2, "2025-01-01T09:05:00Z"),
                     line("a", 7, "2025-01-01T09:10:00Z"), line("a", 3, "2025-01-01T09:20:00Z")].joined(separator: "\n")
        let r = try DojoBinary.run(["schedule"], stdin: input)
        #expect(r.status == 1)
        #expect(r.err.contains("line 3") && r.err.contains("rating 7"))
        #expect(r.out.split(separator: "\n").count == 2)
    }

    @Test(arguments: [
        ("not json", "not valid JSON"),
        (#"{"card": "a", "time": "2025-01-01T00:00:00Z"}"#, "missing key \"rating\""),
        (#"{"card": "a", "rating": 3, "time": "soon"}"#, "ISO-8601"),
        (#"{"card": "x", "rating": 3, "time": "2024-12-31T00:00:00Z"}"#, "earlier than its previous review"),
    ])
    func eachKindOfBadLineIsReported(_ bad: String, _ message: String) throws {
        let input = [line("x", 3, "2025-01-01T00:00:00Z"), "", bad].joined(separator: "\n")
        let r = try DojoBinary.run(["schedule"], stdin: input)
        #expect(r.status == 1)
        #expect(r.err.contains("line 3: ") && r.err.contains(message), "\(r.err)")
    }

    @Test func optionsChangeStepsAndRetention() throws {
        let input = [line("a", 3, "2025-01-01T00:00:00Z"), line("a", 3, "2025-01-01T00:00:30Z"),
                     line("a", 1, "2025-01-05T00:00:00Z")].joined(separator: "\n")
        let r = try DojoBinary.run(["schedule", "--no-fuzz", "--learning-steps", "30s", "--relearning-steps", "2h", "--retention", "0.8"],
                                   stdin: input)
        #expect(r.status == 0, "\(r.err)")
        let states = try r.out.split(separator: "\n").map { try object(String($0)) }
        // Reference values (fsrs 6.3.2, same options): Good on the only step graduates to 8 days
        // at 80 % retention; the lapse goes to the 2-hour relearning step.
        #expect(states.map { $0["due"] as? String } == ["2025-01-09T00:00:00Z", "2025-01-09T00:00:30Z", "2025-01-05T02:00:00Z"])
        #expect(states.map { $0["state"] as? String } == ["review", "review", "relearning"])
        let stability = try #require((states[2]["stability"] as? NSNumber)?.doubleValue)
        #expect(abs(stability - 0.6369781117173378) < 1e-12)  // JSONSerialization may misread the last bit
        let bad = try DojoBinary.run(["schedule", "--retention", "1"], stdin: "")
        #expect(bad.status != 0 && bad.err.contains("--retention"))
    }

    @Test func fuzzedOutputIsRepeatableAndNeverWritesTheDataDirectory() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-schedule-\(UUID().uuidString)")
        let env = ["DOJO_HOME": home.path]
        let input = (0..<8).map { line("c\($0)", 4, "2025-01-0\($0 + 1)T08:00:00Z") }.joined(separator: "\n")
        let first = try DojoBinary.run(["schedule"], stdin: input, environment: env)
        let second = try DojoBinary.run(["schedule"], stdin: input, environment: env)
        #expect(first.status == 0 && first.out == second.out)
        #expect(!FileManager.default.fileExists(atPath: home.path))
        // Easy on a new card is an 8-day interval, fuzzed within 6…10 days.
        for (i, text) in first.out.split(separator: "\n").enumerated() {
            let due = try #require(ISO8601DateFormatter().date(from: try object(String(text))["due"] as! String))
            let reviewed = try #require(ISO8601DateFormatter().date(from: "2025-01-0\(i + 1)T08:00:00Z"))
            #expect((6...10).contains(Int(due.timeIntervalSince(reviewed) / 86400)))
        }
    }

    /// One long reference case from Tests/StudyTests/Fixtures/fsrs, replayed through the binary.
    @Test func noFuzzOutputMatchesTheReference() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../StudyTests/Fixtures/fsrs/reference.json")
        let fixture = try object(String(decoding: Data(contentsOf: url), as: UTF8.self))
        let cases = try #require(fixture["cases"] as? [[String: Any]])
        for name in ["relearning", "review-early-and-overdue", "random-001"] {
            let reference = try #require(cases.first { $0["name"] as? String == name })
            let reviews = try #require(reference["reviews"] as? [[String: Any]])
            let iso = ISO8601DateFormatter()
            let input = reviews.map {
                line("card", $0["rating"] as! Int, iso.string(from: Date(timeIntervalSince1970: ($0["time"] as! NSNumber).doubleValue)))
            }.joined(separator: "\n")
            let r = try DojoBinary.run(["schedule", "--no-fuzz"], stdin: input)
            #expect(r.status == 0, "\(r.err)")
            let outputs = r.out.split(separator: "\n")
            #expect(outputs.count == reviews.count)
            for (out, review) in zip(outputs, reviews) {
                let got = try object(String(out))
                let want = review["after"] as! [String: Any]
                #expect(got["state"] as? String == want["state"] as? String, "\(name)")
                #expect((got["step"] as? NSNumber)?.intValue == (want["step"] as? NSNumber)?.intValue, "\(name)")
                for key in ["stability", "difficulty"] {
                    let g = (got[key] as! NSNumber).doubleValue, w = (want[key] as! NSNumber).doubleValue
                    #expect(abs(g - w) <= 1e-6 * abs(w), "\(name) \(key): \(g) vs \(w)")
                }
                let due = try #require(iso.date(from: got["due"] as! String))
                #expect(abs(due.timeIntervalSince1970 - (want["due"] as! NSNumber).doubleValue) < 1, "\(name) due")
                #expect((got["retrievability"] as? NSNumber)?.doubleValue == (review["retrievability_after"] as? NSNumber)?.doubleValue)
            }
        }
    }

    private func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
