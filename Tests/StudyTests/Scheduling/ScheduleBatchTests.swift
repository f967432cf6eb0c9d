import Foundation
import Testing
@testable import Study

@Suite struct ReviewLineTests {
    @Test func readsAWellFormedLine() throws {
        let r = try ReviewLine.parse(#"{"card": "q1", "rating": 3, "time": "2025-01-01T09:00:00Z", "note": "ignored"}"#)
        #expect(r == ReviewLine(card: "q1", rating: .good, time: Date(timeIntervalSince1970: 1_735_722_000)))
    }

    @Test func acceptsZonesFractionsAndIntegerIds() throws {
        let r = try #require(try ReviewLine.parse(#"{"card": 17, "rating": 1, "time": "2025-01-01T17:00:00.250+08:00"}"#))
        #expect(r.card == "17")
        #expect(r.time == Date(timeIntervalSince1970: 1_735_722_000.25))
    }

    @Test func blankLinesAreSkipped() throws {
        #expect(try ReviewLine.parse("") == nil)
        #expect(try ReviewLine.parse("   \t") == nil)
    }

    @Test(arguments: [
        ("{\"card\": ", ReviewLineProblem.invalidJSON),
        ("[1, 2]", .notAnObject),
        (#"{"rating": 3, "time": "2025-01-01T09:00:00Z"}"#, .missingKey("card")),
        (#"{"card": "a", "time": "2025-01-01T09:00:00Z"}"#, .missingKey("rating")),
        (#"{"card": "a", "rating": 3}"#, .missingKey("time")),
        (#"{"card": true, "rating": 3, "time": "2025-01-01T09:00:00Z"}"#, .wrongType(key: "card", expected: "a non-empty string")),
        (#"{"card": "a", "rating": "3", "time": "2025-01-01T09:00:00Z"}"#, .wrongType(key: "rating", expected: "an integer from 1 to 4")),
        (#"{"card": "a", "rating": 5, "time": "2025-01-01T09:00:00Z"}"#, .ratingOutOfRange("5")),
        (#"{"card": "a", "rating": 0, "time": "2025-01-01T09:00:00Z"}"#, .ratingOutOfRange("0")),
        (#"{"card": "a", "rating": 2.5, "time": "2025-01-01T09:00:00Z"}"#, .ratingOutOfRange("2.5")),
        (#"{"card": "a", "rating": 3, "time": "yesterday"}"#, .badTime("yesterday")),
        (#"{"card": "a", "rating": 3, "time": "2025-01-01T09:00:00"}"#, .badTime("2025-01-01T09:00:00")),
        (#"{"card": "a", "rating": 3, "time": 1735722000}"#, .wrongType(key: "time", expected: "an ISO-8601 string such as \"2025-01-01T09:00:00Z\"")),
    ])
    func rejectsBadLines(_ line: String, _ problem: ReviewLineProblem) {
        #expect(throws: problem) { try ReviewLine.parse(line) }
    }

    @Test func stepListsTakeUnits() throws {
        #expect(try StepList.parse("1m,10m") == [60, 600])
        #expect(try StepList.parse(" 30s, 1.5h ,2d") == [30, 5400, 172_800])
        #expect(try StepList.parse("") == [])
        for bad in ["10", "1m,", "-1m", "1w", "m", "0s"] {
            #expect(throws: StepList.ParseError.badStep(bad == "1m," ? "" : bad)) { try StepList.parse(bad) }
        }
    }
}

@Suite struct ScheduleBatchTests {
    let plain = Scheduler(parameters: SchedulerParameters(enableFuzz: false))

    @Test func formatsTheNewStateWithKeysInOrder() throws {
        var batch = ScheduleBatch(scheduler: plain)
        let out = try batch.process(#"{"card": "a\"b", "rating": 3, "time": "2025-01-01T09:00:00Z"}"#, number: 1)
        #expect(out == #"{"card":"a\"b","state":"learning","step":1,"stability":2.3065,"difficulty":2.118103970459016,"due":"2025-01-01T09:10:00Z","retrievability":1.0}"#)
    }

    @Test func tracksCardsByIdAndSkipsBlankLines() throws {
        var batch = ScheduleBatch(scheduler: plain)
        _ = try batch.process(#"{"card": "a", "rating": 3, "time": "2025-01-01T09:00:00Z"}"#, number: 1)
        #expect(try batch.process("", number: 2) == nil)
        _ = try batch.process(#"{"card": "b", "rating": 1, "time": "2025-01-01T09:00:00Z"}"#, number: 3)
        let out = try #require(try batch.process(#"{"card": "a", "rating": 3, "time": "2025-01-01T09:10:00Z"}"#, number: 4))
        #expect(out.contains(#""state":"review","step":null"#))
        #expect(out.contains(#""due":"2025-01-03T09:10:00Z""#))
        #expect(batch.cards["b"]?.phase == .learning && batch.cards.count == 2)
    }

    @Test func timeGoingBackwardsForACardNamesTheLine() throws {
        var batch = ScheduleBatch(scheduler: plain)
        _ = try batch.process(#"{"card": "a", "rating": 3, "time": "2025-01-02T00:00:00Z"}"#, number: 1)
        _ = try batch.process(#"{"card": "b", "rating": 3, "time": "2025-01-01T00:00:00Z"}"#, number: 2)
        let error = #expect(throws: ScheduleLineError.self) {
            try batch.process(#"{"card": "a", "rating": 3, "time": "2025-01-01T23:59:59Z"}"#, number: 3)
        }
        #expect(error?.line == 3)
        #expect(error?.description.hasPrefix("line 3: time 2025-01-01T23:59:59Z for card \"a\" is earlier") == true)
    }

    @Test func sameSecondReviewsAreAllowed() throws {
        var batch = ScheduleBatch(scheduler: plain)
        let line = #"{"card": "a", "rating": 1, "time": "2025-01-01T00:00:00Z"}"#
        _ = try batch.process(line, number: 1)
        #expect(try batch.process(line, number: 2) != nil)
    }

    @Test func retrievabilityAtATimeAndJustBeforeEachReviewAreTheSchedulers() throws {
        let at = try #require(ReviewLine.parseTime("2025-01-20T12:00:00Z"))
        var batch = ScheduleBatch(scheduler: plain, reportsRetrievabilityBefore: true, retrievabilityTime: at)
        let times = ["2025-01-01T09:00:00Z", "2025-01-01T09:10:00Z", "2025-01-06T18:00:00Z", "2025-01-25T08:00:00Z"]
        var previous: CardState?
        var seen: [Double] = []
        for (i, time) in times.enumerated() {
            let out = try #require(try batch.process("{\"card\":\"a\",\"rating\":3,\"time\":\"\(time)\"}", number: i + 1))
            let state = try #require(batch.cards["a"])
            let reviewed = try #require(ReviewLine.parseTime(time))
            // The spec's keys stay, in order; the new ones follow. Values are compared as
            // text: JSONSerialization may misread a double's last bit.
            #expect(out.hasPrefix(#"{"card":"a","state":"#))
            let before = previous.map { plain.retrievability(of: $0, at: reviewed) }
            let atValue = reviewed <= at ? plain.retrievability(of: state, at: at) : nil
            let tail = ",\"retrievability_before\":\(before.map { "\($0)" } ?? "null"),\"retrievability_at\":\(atValue.map { "\($0)" } ?? "null")}"
            #expect(out.hasSuffix(tail), "\(out) does not end in \(tail)")
            seen += [before, atValue].compactMap { $0 }
            previous = state
        }
        // Not the 1.0 the plain output always shows.
        #expect(seen.contains { $0 < 0.8 } && seen.allSatisfy { $0 > 0 && $0 <= 1 })
        // Without the options the output is exactly the documented one.
        var bare = ScheduleBatch(scheduler: plain)
        let line = try #require(try bare.process(#"{"card":"a","rating":3,"time":"2025-01-01T09:00:00Z"}"#, number: 1))
        #expect(!line.contains("retrievability_"))
    }

    @Test func subMillisecondTimesKeepTheirMicroseconds() throws {
        var batch = ScheduleBatch(scheduler: plain)
        let out = try #require(try batch.process(#"{"card":"a","rating":3,"time":"2025-01-01T09:00:00.123456Z"}"#, number: 1))
        #expect(out.contains(#""due":"2025-01-01T09:10:00.123456Z""#), "\(out)")
        #expect(JSONText.timestamp(Date(timeIntervalSince1970: 1_735_722_000.25)) == "2025-01-01T09:00:00.250Z")
        #expect(JSONText.timestamp(Date(timeIntervalSince1970: 1_735_722_000)) == "2025-01-01T09:00:00Z")
        #expect(JSONText.timestamp(Date(timeIntervalSince1970: 1_735_722_000.9999999)) == "2025-01-01T09:00:01Z")
        #expect(ReviewLine.parseTime("2025-01-01T17:00:00.000001+08:00") == Date(timeIntervalSince1970: 1_735_722_000.000001))
        for bad in ["2025-01-01T09:00:00.Z", "2025-01-01T09:00:00.12", "2025-01-01T09:00:00"] {
            #expect(ReviewLine.parseTime(bad) == nil, "\(bad)")
        }
    }

    /// Every default-parameter reference case, fed through the line format.
    @Test func linesReproduceTheReference() throws {
        var checked = 0
        for reference in ReferenceFixture.shared.cases where reference.usesDefaults {
            var batch = ScheduleBatch(scheduler: plain)
            for (i, review) in reference.reviews.enumerated() {
                let input = "{\"card\":\"\(reference.name)\",\"rating\":\(review.rating),\"time\":\"\(JSONText.timestamp(review.date))\"}"
                let out = try #require(try batch.process(input, number: i + 1))
                let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
                #expect(json["state"] as? String == review.after.state)
                #expect(json["step"] as? Int == review.after.step)
                #expect(isClose(json["stability"] as! Double, review.after.stability))
                #expect(isClose(json["difficulty"] as! Double, review.after.difficulty))
                #expect(JSONText.parseTimestamp(json["due"] as! String) == Date(timeIntervalSince1970: review.after.due))
                #expect(json["retrievability"] as? Double == review.retrievability_after)
                checked += 1
            }
        }
        #expect(checked > 5000)
    }
}
