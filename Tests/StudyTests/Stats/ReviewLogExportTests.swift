import Foundation
import Testing
@testable import Study

@Suite struct ReviewLogExportTests {
    let entry = ReviewLogEntry(
        id: 3, cardID: "odd,\"id\"\nline", kind: .review, rating: .hard,
        reviewedAt: Date(timeIntervalSince1970: 1_795_428_000.25), phaseBefore: .review, scheduledDaysBefore: 4,
        elapsedDays: 4.5, phaseAfter: .review, stabilityAfter: 7.25, difficultyAfter: 5.5,
        dueAfter: Date(timeIntervalSince1970: 1_795_428_000 + 7 * 86_400), durationMilliseconds: 2100)

    @Test func csvFollowsRFC4180() {
        let csv = ReviewLogExport.csv([entry, ReviewLogEntry(id: 4, cardID: "new-card", kind: .cram, rating: .again, reviewedAt: Date(timeIntervalSince1970: 0))])
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == ReviewLogExport.columns.joined(separator: ","))
        #expect(csv.hasPrefix("id,card_id,kind,rating,reviewed_at,"))
        #expect(csv.contains("3,\"odd,\"\"id\"\"\nline\",review,2,2026-11-23T10:00:00.250Z,review,4.0,4.5,review,7.25,5.5,2026-11-30T10:00:00.000Z,2100\r\n"))
        #expect(csv.hasSuffix("4,new-card,cram,1,1970-01-01T00:00:00.000Z,,,,,,,,\r\n"))
    }

    @Test func jsonUsesTheSameColumnsAndNulls() throws {
        let data = try ReviewLogExport.json([entry, ReviewLogEntry(id: 4, cardID: "c", kind: .cram, rating: .again, reviewedAt: Date(timeIntervalSince1970: 0))])
        let rows = try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
        #expect(rows.count == 2)
        #expect(Set(rows[0].keys) == Set(ReviewLogExport.columns))
        #expect(rows[0]["card_id"] as? String == entry.cardID)
        #expect(rows[0]["rating"] as? Int == 2)
        #expect(rows[0]["stability_after"] as? Double == 7.25)
        #expect(rows[1]["phase_before"] is NSNull)
    }

    @Test func theFormatFollowsTheExtension() {
        #expect(ReviewLogExport.Format(path: "log.CSV") == .csv)
        #expect(ReviewLogExport.Format(path: "/tmp/x.json") == .json)
        #expect(ReviewLogExport.Format(path: "log.txt") == nil)
    }
}
