import Testing
@testable import Terminal

@Suite struct LayoutTests {
    @Test func fixedFillFixed() {
        let area = Rect(x: 0, y: 0, width: 80, height: 24)
        let parts = area.split(.vertical, [.length(1), .fill, .length(1)])
        #expect(parts == [
            Rect(x: 0, y: 0, width: 80, height: 1),
            Rect(x: 0, y: 1, width: 80, height: 22),
            Rect(x: 0, y: 23, width: 80, height: 1),
        ])
    }

    @Test func percentagesWeightsAndSpacing() {
        #expect(Layout.lengths(total: 100, constraints: [.percentage(30), .fill(1), .fill(3)]) == [30, 18, 52])
        #expect(Layout.lengths(total: 21, constraints: [.length(5), .fill, .fill], spacing: 1) == [5, 7, 7])
        let columns = Rect(x: 2, y: 3, width: 21, height: 4).split(.horizontal, [.length(5), .fill, .fill], spacing: 1)
        #expect(columns.map(\.x) == [2, 8, 16])
    }

    @Test func minimumGrowsWithRoomAndOverflowShrinksFromTheEnd() {
        #expect(Layout.lengths(total: 30, constraints: [.min(10), .length(10)]) == [20, 10])
        #expect(Layout.lengths(total: 12, constraints: [.length(8), .length(8)]) == [8, 4])
        #expect(Layout.lengths(total: 0, constraints: [.length(3), .fill]) == [0, 0])
    }

    @Test func insetAndCenter() {
        let area = Rect(x: 0, y: 0, width: 10, height: 6)
        #expect(area.inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 4))
        #expect(area.inset(by: 4) == Rect(x: 4, y: 4, width: 2, height: 0))
        #expect(area.centered(width: 4, height: 2) == Rect(x: 3, y: 2, width: 4, height: 2))
        #expect(area.row(-1) == Rect(x: 0, y: 5, width: 10, height: 1))
    }
}
