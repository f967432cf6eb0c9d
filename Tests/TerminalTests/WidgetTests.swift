import Testing
@testable import Terminal

@Suite struct WidgetTests {
    @Test func progressBarWithEighthsAndETA() {
        let bar = ProgressBar(fraction: 0.56, label: "epoch 3", etaSeconds: 65)
        let buffer = rendered(bar, width: 40, height: 1)
        // 17 bar cells × 8 = 136 eighths; 56% is 76.16 → 76 eighths = 9 full cells + 4/8.
        #expect(buffer.text == "epoch 3 █████████▌······· 56% ETA 1m 05s")
        #expect(buffer[8, 0].style.fg == .green)
        #expect(buffer[20, 0].style.dim)
        #expect(ProgressBar(fraction: 1.5).statusText == "100%")
        #expect(ProgressBar(fraction: .nan).statusText == "0%")
    }

    @Test func etaArithmeticAndFormatting() {
        #expect(ProgressBar.remainingSeconds(elapsed: 30, fraction: 0.25) == 90)
        #expect(ProgressBar.remainingSeconds(elapsed: 30, fraction: 0) == nil)
        #expect(ProgressBar.formatDuration(seconds: 42) == "42s")
        #expect(ProgressBar.formatDuration(seconds: 65) == "1m 05s")
        #expect(ProgressBar.formatDuration(seconds: 7380) == "2h 03m")
    }

    @Test func keyHintsDropWholeHintsThatDoNotFit() {
        let bar = KeyHintBar([KeyHint("q", "quit"), KeyHint("?", "help"), KeyHint("j/k", "move"), KeyHint("Enter", "open")])
        #expect(rendered(bar, width: 40, height: 1).text == "q quit  ? help  j/k move  Enter open")
        let narrow = rendered(bar, width: 20, height: 1)
        #expect(narrow.text == "q quit  ? help")
        #expect(narrow[0, 0].style.bold && narrow[2, 0].style.dim)
    }

    @Test func tabsHighlightTheCurrentOne() {
        let buffer = rendered(Tabs(titles: ["Home", "复习 Review", "Lab"], selected: 1), width: 30, height: 1)
        #expect(buffer.text == " Home │ 复习 Review │ Lab")
        #expect(buffer[8, 0].style.reverse && buffer[8, 0].style.bold)
        #expect(!buffer[1, 0].style.reverse)
    }

    @Test func helpOverlayIsCenteredOverContent() {
        var buffer = Buffer(size: Size(width: 40, height: 9))
        buffer.fill(buffer.area, with: "x")
        HelpOverlay(title: "Keys 按键", lines: ["j/k  上下移动 move", "Enter  open", "q  back 返回"], footer: "any key")
            .render(into: &buffer, area: buffer.area)
        expectLines(buffer, [
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxx╭─ Keys 按键 ────────╮xxxxxxxxx",
            "xxxxxxxxx│ j/k  上下移动 move │xxxxxxxxx",
            "xxxxxxxxx│ Enter  open        │xxxxxxxxx",
            "xxxxxxxxx│ q  back 返回       │xxxxxxxxx",
            "xxxxxxxxx╰────────────any key─╯xxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        ])
    }

    @Test func helpOverlayOverWideTextNeverLeavesHalfCharacters() {
        var buffer = Buffer(size: Size(width: 21, height: 5))
        for y in 0..<5 { buffer.write("中文中文中文中文中文中", at: Point(x: 0, y: y)) }
        HelpOverlay(title: "帮助", lines: ["abc"]).render(into: &buffer, area: buffer.area)
        for y in 0..<5 {
            for x in 0..<21 where buffer[x, y].isContinuation {
                #expect(DisplayWidth.of(buffer[x - 1, y].symbol) == 2, "orphan continuation at \(x),\(y)")
            }
        }
        // The box covers columns 5–14, halving 中 (4–5) and 文 (14–15): both become blanks.
        #expect(buffer.line(at: 1) == "中文 ╭─ 帮助 ─╮ 中文")
    }

    @Test func borderWithTitleAndInnerArea() {
        let border = Border(title: "复习 Review", kind: .plain)
        let buffer = rendered(border, width: 17, height: 3)
        #expect(buffer.lines() == ["┌─ 复习 Review ─┐", "│               │", "└───────────────┘"])
        #expect(border.inner(of: Rect(x: 0, y: 0, width: 17, height: 3)) == Rect(x: 1, y: 1, width: 15, height: 1))
        // A title too long for the edge is cut with an ellipsis, corners intact.
        let tight = rendered(Border(title: "低秩适配 LoRA", kind: .rounded), width: 10, height: 2)
        #expect(tight.line(at: 0) == "╭─ 低… ──╮")
    }

    @Test func tooSmallNoticeKeepsTheSizeInOnePiece() {
        let notice = TooSmallNotice(needed: Size(width: 40, height: 10))
        #expect(notice.lines(width: 31) == ["terminal too small (need 40×10)"])
        #expect(notice.lines(width: 30) == ["terminal too small", "need 40×10"])
        #expect(notice.lines(width: 12) == ["terminal too", "small", "need 40×10"])
        expectLines(rendered(notice, width: 31, height: 3), ["", "terminal too small (need 40×10)", ""])
    }

    /// A body taller than the screen: the rows from `scroll` on, and both borders say
    /// which way there is more.
    @Test func helpOverlayScrollsAndMarksWhatIsHidden() {
        var help = HelpOverlay(title: "Help", lines: (1...8).map { Line("line \($0)") }, footer: "Esc")
        let area = Rect(x: 0, y: 0, width: 24, height: 6)
        #expect(help.maxScroll(in: area) == 4)
        // Wide enough for the marks beside title and footer: 4 columns of frame and padding
        // around a 15-column body ("↑ more" + 5 + "Help"), centered in 24.
        expectLines(rendered(help, width: 24, height: 6), [
            "  ╭─ Help ──────────╮",
            "  │ line 1          │",
            "  │ line 2          │",
            "  │ line 3          │",
            "  │ line 4          │",
            "  ╰─ ↓ more ────Esc─╯",
        ])
        help.scroll = 2
        expectLines(rendered(help, width: 24, height: 6), [
            "  ╭─ Help ─ ↑ more ─╮",
            "  │ line 3          │",
            "  │ line 4          │",
            "  │ line 5          │",
            "  │ line 6          │",
            "  ╰─ ↓ more ────Esc─╯",
        ])
        help.scroll = 99
        let last = rendered(help, width: 24, height: 6)
        #expect(last.line(at: 4).contains("line 8"))
        #expect(last.line(at: 0).contains("↑ more"))
        #expect(last.line(at: 5).contains("Esc") && !last.line(at: 5).contains("↓"))
        // When everything fits there is nothing to scroll and no mark.
        #expect(help.maxScroll(in: Rect(x: 0, y: 0, width: 24, height: 10)) == 0)
        #expect(!rendered(help, width: 24, height: 10).text.contains("more"))
    }
}
