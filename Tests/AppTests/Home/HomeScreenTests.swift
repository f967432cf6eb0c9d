import Study
import Terminal
import Testing
@testable import App

/// Snapshot tests of the home screen, rendered through the same `Frame` the event loop uses.
@Suite struct HomeScreenTests {
    static let summary = HomeSummary(
        dueNow: 12, newToday: 20, unseen: 290, totalCards: 312, reviewedToday: 3, streakDays: 4,
        retention: 0.875, quizAnsweredToday: 7, experiments: 0,
        topics: [
            .init(id: "lora", name: LocalizedText(zh: "LoRA 与低秩适配", en: "LoRA and low-rank adaptation"), cards: 30, due: 3, new: 20, mastery: 0.91),
            .init(id: "norms", name: LocalizedText(zh: "归一化：LayerNorm 与 RMSNorm", en: "Normalization"), cards: 18, due: 0, new: 18, mastery: nil),
            .init(id: "posenc", name: LocalizedText(zh: "位置编码", en: "Positional encodings"), cards: 22, due: 9, new: 2, mastery: 0.5),
        ])

    static func frame(_ screen: HomeScreen, _ width: Int, _ height: Int) -> [String] {
        var s = screen
        return Frame.render(&s, size: Size(width: width, height: height)).lines()
    }

    @Test func wideLayoutShowsTodayBesideTopics() {
        let lines = Self.frame(HomeScreen(summary: Self.summary, language: .en), 80, 24)
        #expect(lines.count == 24)
        #expect(lines[0].hasPrefix(" LLM Dojo"))
        #expect(lines[0].contains("312 cards"))
        let due = lines.first { $0.contains("Due now") }
        #expect(due?.contains("12") == true)
        // The topic table sits right of the 32-column Today panel, one row per topic.
        let lora = lines.firstIndex { $0.contains("LoRA and low-rank") }
        let norms = lines.firstIndex { $0.contains("Normalization") }
        #expect(lora != nil && norms == lora.map { $0 + 1 })
        #expect(lora.map { lines[$0].contains("91%") } == true)
        #expect(lines[23].contains("q quit"))
        #expect(lines[23].contains("? help"))
    }

    @Test func chineseColumnsStayAligned() {
        let lines = Self.frame(HomeScreen(summary: Self.summary, language: .zh), 80, 24)
        let rows = lines.filter { $0.contains("LoRA 与低秩适配") || $0.contains("位置编码") || $0.contains("归一化") }
        #expect(rows.count == 3)
        // The card count starts at the same display column in every row, whatever the name's width.
        let starts = zip(rows, ["30", "18", "22"]).map { row, count -> Int? in
            guard let r = row.range(of: " \(count) ") else { return nil }
            return DisplayWidth.of(row[..<r.lowerBound])
        }
        #expect(starts.allSatisfy { $0 != nil })
        #expect(Set(starts).count == 1, "columns misaligned: \(rows)")
        #expect(lines[0].contains("张卡片"))
    }

    @Test func narrowLayoutStacksTheSummary() {
        let lines = Self.frame(HomeScreen(summary: Self.summary, language: .en), 60, 16)
        #expect(lines.count == 16)
        #expect(lines[1].contains("Due now 12"))
        #expect(lines.contains { $0.contains("Positional encodings") })
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 })
    }

    @Test func tooSmallTerminalAsksForMore() {
        let lines = Self.frame(HomeScreen(summary: Self.summary, language: .en), 30, 8)
        let text = lines.joined(separator: " ")
        #expect(text.contains("terminal too small"))
        #expect(text.contains("40×10"))
    }

    @Test func helpOverlayOpensAndCloses() {
        var screen = HomeScreen(summary: Self.summary, language: .en)
        #expect(screen.handle(.char("?")) == .none)
        let open = Self.frame(screen, 80, 24).joined(separator: "\n")
        #expect(open.contains("Help"))
        #expect(open.contains("switch to 中文"))
        #expect(open.contains("Esc closes"))
        // q on the help closes the help (the help says so), then quits.
        #expect(screen.handle(.char("q")) == .none)
        #expect(!Self.frame(screen, 80, 24).joined(separator: "\n").contains("Esc closes"))
        _ = screen.handle(.char("?"))
        _ = screen.handle(.escape)
        #expect(!Self.frame(screen, 80, 24).joined(separator: "\n").contains("Esc closes"))
        #expect(screen.handle(.char("q")) == .quit)
    }

    @Test func vimAndArrowKeysMoveTheSelection() {
        var screen = HomeScreen(summary: Self.summary, language: .en)
        _ = screen.handle(.char("j"))
        #expect(screen.topicList.selected == 1)
        _ = screen.handle(.down)
        #expect(screen.topicList.selected == 2)
        _ = screen.handle(.down)
        #expect(screen.topicList.selected == 2)
        _ = screen.handle(.up)
        _ = screen.handle(.char("k"))
        #expect(screen.topicList.selected == 0)
    }

    @Test func languageToggle() {
        var screen = HomeScreen(summary: Self.summary, language: .en)
        _ = screen.handle(.char("L"))
        #expect(Self.frame(screen, 80, 24).contains { $0.contains("位置编码") })
    }
}

import Foundation
