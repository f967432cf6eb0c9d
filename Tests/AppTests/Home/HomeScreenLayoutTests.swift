import Study
import Terminal
import Testing
@testable import App

/// The home screen at the edges: long topic lists, small terminals, long titles, and the
/// frame before anything has loaded.
@Suite struct HomeScreenLayoutTests {
    /// Twenty topics named "Topic 01"… so the rows on screen tell where the list is scrolled.
    static let manyTopics = HomeSummary(
        totalCards: 200,
        topics: (1...20).map { i in
            let name = String(format: "Topic %02d", i)
            return .init(id: "t\(i)", name: LocalizedText(zh: name, en: name), cards: 10, due: 0, new: 10, mastery: nil)
        })

    static func frame(_ screen: inout HomeScreen, _ width: Int, _ height: Int) -> Buffer {
        Frame.render(&screen, size: Size(width: width, height: height))
    }

    /// Rows of the frame that show a topic, top to bottom, with whether each is highlighted.
    static func topicRows(_ buffer: Buffer) -> [(name: String, selected: Bool)] {
        (0..<buffer.size.height).compactMap { y in
            let line = buffer.line(at: y)
            guard let range = line.range(of: #"Topic \d\d"#, options: .regularExpression) else { return nil }
            let x = DisplayWidth.of(line[..<range.lowerBound])
            return (String(line[range]), buffer[x, y].style.reverse)
        }
    }

    /// The audit's repro at 60×16: G then k k k must move the highlight up inside the
    /// visible rows, not scroll the list under a highlight stuck on the bottom row.
    @Test func movingUpFromTheEndKeepsTheRowsInPlace() {
        var screen = HomeScreen(summary: Self.manyTopics, language: .en)
        _ = Self.frame(&screen, 60, 16)
        _ = screen.handle(.char("G"))
        let atEnd = Self.topicRows(Self.frame(&screen, 60, 16))
        #expect(atEnd.last?.name == "Topic 20" && atEnd.last?.selected == true)
        let top = atEnd.first?.name
        _ = screen.handle(.char("k"))
        let afterOne = Self.topicRows(Self.frame(&screen, 60, 16))
        #expect(afterOne.first?.name == top, "the list scrolled: \(afterOne.map(\.name))")
        #expect(afterOne.first { $0.selected }?.name == "Topic 19")
        _ = screen.handle(.char("k"))
        _ = screen.handle(.up)
        let afterThree = Self.topicRows(Self.frame(&screen, 60, 16))
        #expect(afterThree.map(\.name) == atEnd.map(\.name))
        #expect(afterThree.first { $0.selected }?.name == "Topic 17")
    }

    @Test func pageKeysMoveByTheRowsOnScreen() {
        var screen = HomeScreen(summary: Self.manyTopics, language: .en)
        let first = Self.topicRows(Self.frame(&screen, 60, 16))
        #expect(first.count == 8)
        _ = screen.handle(.pageDown)
        // A page keeps one row of context: 8 visible rows move the selection by 7.
        #expect(screen.topicList.selected == 7)
        _ = screen.handle(.pageDown)
        _ = screen.handle(.pageUp)
        #expect(screen.topicList.selected == 7)
        _ = screen.handle(.char("G"))
        #expect(screen.topicList.selected == 19)
        _ = screen.handle(.char("g"))
        #expect(screen.topicList.selected == 0)
        _ = screen.handle(.end)
        _ = screen.handle(.home)
        #expect(Self.topicRows(Self.frame(&screen, 60, 16)).first?.name == "Topic 01")
    }

    /// At 30×8 the notice fits without splitting the size, and nothing else is drawn.
    @Test func tooSmallNoticeIsTwoWholeRows() {
        var screen = HomeScreen(summary: Self.manyTopics, language: .en)
        let lines = Self.frame(&screen, 30, 8).lines()
        #expect(lines.filter { !$0.isEmpty } == ["      terminal too small", "          need 40×10"])
    }

    /// 40×10, the smallest allowed: the help is cut with a "↓ more" mark, every key line is
    /// whole, and j scrolls to the end of it.
    @Test func helpAtTheMinimumSizeScrolls() {
        var screen = HomeScreen(summary: Self.manyTopics, language: .en)
        _ = screen.handle(.char("?"))
        let open = Self.frame(&screen, 40, 10).lines()
        #expect(open.contains { $0.contains(HelpOverlay.moreBelow) })
        #expect(open.contains { $0.contains("j / ↓      next topic") })
        #expect(open.contains { $0.contains("PgDn PgUp  page down / up") })
        #expect(open.allSatisfy { DisplayWidth.of($0) <= 40 })
        for _ in 0..<20 { _ = screen.handle(.char("j")) }
        let end = Self.frame(&screen, 40, 10).lines()
        #expect(end.contains { $0.contains("dojo doctor") })
        #expect(end.contains { $0.contains(HelpOverlay.moreAbove) })
        #expect(!end.contains { $0.contains(HelpOverlay.moreBelow) })
        #expect(screen.topicList.selected == 0, "keys in the help must not move the list")
    }

    /// At 40×10 (with or without a banner) every Today figure is still on screen, in
    /// short labels, and the topic box keeps a row.
    @Test func smallestLayoutKeepsEveryFigureAndATopic() {
        for warnings in [[], [HomeWarning.databaseUnusable("details")]] {
            var summary = Self.manyTopics
            summary.warnings = warnings
            summary.quizAnsweredToday = 7
            summary.streakDays = 4
            var screen = HomeScreen(summary: summary, language: .en)
            let buffer = Self.frame(&screen, 40, 10)
            let text = buffer.lines().joined(separator: "\n")
            for figure in ["Due 0", "New 0 / 0", "Reviewed 0", "Streak 4 d", "Retention —", "Quiz 7", "Lab 0"] {
                #expect(text.contains(figure), "\(figure) missing with \(warnings.count) warning(s):\n\(text)")
            }
            #expect(Self.topicRows(buffer).first?.name == "Topic 01")
        }
    }

    @Test func narrowTitleIsCutWithAnEllipsisAndKeepsTheCount() {
        var screen = HomeScreen(summary: Self.manyTopics, language: .en)
        let title = Self.frame(&screen, 40, 10).line(at: 0)
        #expect(title.hasPrefix(" LLM Dojo · "))
        #expect(title.contains("…"))
        #expect(title.hasSuffix("200 cards  v\(AppVersion.string)"))
        var zh = HomeScreen(summary: Self.manyTopics, language: .zh)
        let zhTitle = Self.frame(&zh, 40, 10).line(at: 0)
        #expect(zhTitle.contains("200 张卡片"))
        #expect(DisplayWidth.of(zhTitle) <= 40)
    }

    @Test func loadingFrameShowsNoFiguresUntilTheSummaryArrives() {
        var screen = HomeScreen.loading(language: .en)
        let loading = Self.frame(&screen, 80, 24).lines()
        #expect(loading[0].contains("loading…"))
        // The Today panel (first 32 columns) has its labels and "…" for every figure.
        let due = loading.first { $0.contains("Due now") }.map { String($0.prefix(32)) }
        #expect(due?.contains("…") == true && due?.contains { $0.isNumber } == false)
        #expect(loading.contains { $0.contains("loading cards…") })
        #expect(!loading.contains { $0.range(of: #"\d+ cards"#, options: .regularExpression) != nil })
        #expect(loading[23].contains("q quit"))
        screen.summary = Self.manyTopics
        let loaded = Self.frame(&screen, 80, 24).lines()
        #expect(loaded[0].contains("200 cards"))
        #expect(loaded.contains { $0.contains("Topic 01") })
    }
}
