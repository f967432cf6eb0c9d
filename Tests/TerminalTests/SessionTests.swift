import Testing
@testable import Terminal

/// A small screen shaped like the app's: tabs, a list (plus a detail pane when wide), hints.
struct DemoScreen: Screen {
    var state = ListState()
    var notes: [String] = []
    var keys: [Key] = []
    let items: [Line] = ["注意力 Attention", "低秩适配 LoRA", "RLHF 人类反馈", "KV cache 缓存", "混合专家 MoE", "量化 Quantization"]

    var minimumSize: Size { Size(width: 40, height: 12) }

    mutating func render(into buffer: inout Buffer, area: Rect) {
        let rows = area.split(.vertical, [.length(1), .fill, .length(1)])
        Tabs(titles: ["Home", "复习", "Lab"], selected: 1).render(into: &buffer, area: rows[0])
        let panes = area.width >= 60
            ? rows[1].split(.horizontal, [.percentage(50), .fill], spacing: 1)
            : [rows[1]]
        let border = Border(title: "Cards 卡片", kind: .plain)
        border.render(into: &buffer, area: panes[0])
        ListView(items: items).render(into: &buffer, area: border.inner(of: panes[0]), state: &state)
        if panes.count > 1 {
            let detail = Border(title: "Detail", kind: .plain)
            detail.render(into: &buffer, area: panes[1])
            let text = ([items[state.selected ?? 0].plainText] + notes).joined(separator: "\n")
            Paragraph(text).render(into: &buffer, area: detail.inner(of: panes[1]))
        }
        KeyHintBar([KeyHint("q", "quit"), KeyHint("j/k", "move"), KeyHint("?", "help")]).render(into: &buffer, area: rows[2])
    }

    mutating func handle(_ key: Key) -> Action {
        keys.append(key)
        if key == .char("q") { return .quit }
        _ = state.handle(key, count: items.count, pageSize: 5)
        return .none
    }
}

@Suite struct SessionTests {
    func session(_ backend: MemoryBackend) -> TerminalSession {
        TerminalSession(backend: backend, pollMilliseconds: 0, trapsSignals: false)
    }

    @Test func layoutAdaptsToResizeAndShowsTooSmallNotice() throws {
        let backend = MemoryBackend(size: Size(width: 80, height: 24))
        backend.enqueueResize(to: Size(width: 60, height: 16))
        backend.enqueueResize(to: Size(width: 30, height: 8))
        backend.enqueueResize(to: Size(width: 50, height: 12))
        var screen = DemoScreen()
        #expect(try session(backend).run(&screen) == .inputClosed)
        let frames = backend.frames
        #expect(frames.map(\.size) == [Size(width: 80, height: 24), Size(width: 60, height: 16), Size(width: 30, height: 8), Size(width: 50, height: 12)])

        // 80×24: two panes; 50% of the 79 columns left after the gap is 39, so the detail
        // pane starts at column 40.
        #expect(frames[0].line(at: 1) == "┌─ Cards 卡片 ────────────────────────┐ ┌─ Detail ─────────────────────────────┐")
        #expect(frames[0].line(at: 2) == "│› 注意力 Attention                   │ │注意力 Attention                      │")
        #expect(displayColumn(of: "┌─ Detail", in: frames[0].line(at: 1)) == 40)
        #expect(frames[0].line(at: 23) == "q quit  j/k move  ? help")

        // 60×16: still two panes, narrower (29 | gap | 30 columns).
        expectLines(frames[1], [
            " Home │ 复习 │ Lab",
            "┌─ Cards 卡片 ──────────────┐ ┌─ Detail ───────────────────┐",
            "│› 注意力 Attention         │ │注意力 Attention            │",
            "│  低秩适配 LoRA            │ │                            │",
            "│  RLHF 人类反馈            │ │                            │",
            "│  KV cache 缓存            │ │                            │",
            "│  混合专家 MoE             │ │                            │",
            "│  量化 Quantization        │ │                            │",
            "│                           │ │                            │",
            "│                           │ │                            │",
            "│                           │ │                            │",
            "│                           │ │                            │",
            "│                           │ │                            │",
            "│                           │ │                            │",
            "└───────────────────────────┘ └────────────────────────────┘",
            "q quit  j/k move  ? help",
        ])

        // 30×8 is below the 40×12 minimum; the one-row notice needs 31 columns, so it
        // takes two rows without splitting the size, and nothing of the last frame is left.
        expectLines(frames[2], [
            "",
            "",
            "",
            "      terminal too small",
            "          need 40×12",
            "",
            "",
            "",
        ])

        // 50×12: back above the minimum, one pane only.
        #expect(frames[3].line(at: 1) == "┌─ Cards 卡片 ───────────────────────────────────┐")
        #expect(!frames[3].text.contains("Detail"))
    }

    @Test func keysReachTheScreenAndOnlyChangedCellsAreDrawn() throws {
        let backend = MemoryBackend(size: Size(width: 60, height: 16), keys: [.char("j"), .char("j")])
        var screen = DemoScreen()
        #expect(try session(backend).run(&screen) == .inputClosed)
        #expect(screen.keys == [.char("j"), .char("j")])
        #expect(screen.state.selected == 2)
        #expect(backend.line(2).hasPrefix("│  注意力 Attention"))
        #expect(backend.line(4).hasPrefix("│› RLHF 人类反馈"))
        // The last frame changed the two list rows and the detail text, nothing else.
        #expect(Set(backend.lastRuns.map(\.origin.y)) == [2, 3, 4])
        #expect(backend.lastRuns.allSatisfy { $0.cells.count < 60 })
        #expect(backend.stopCount == 1)
    }

    @Test func quitAndCtrlCEndTheLoopAndRestoreTheTerminal() throws {
        let quitting = MemoryBackend(size: Size(width: 60, height: 16), keys: [.char("q"), .char("j")])
        var screen = DemoScreen()
        #expect(try session(quitting).run(&screen) == .quit)
        #expect(screen.keys == [.char("q")])
        #expect(quitting.stopCount == 1 && !quitting.isStarted)

        let interrupted = MemoryBackend(size: Size(width: 60, height: 16), keys: [.ctrl("c"), .char("j")])
        var other = DemoScreen()
        #expect(try session(interrupted).run(&other) == .interrupted)
        #expect(other.keys.isEmpty)
        #expect(interrupted.stopCount == 1)
    }

    @Test func updatesPostedFromOtherThreadsAreApplied() async throws {
        let mailbox = Mailbox<DemoScreen>()
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<8 {
                group.addTask { mailbox.post { screen in screen.notes.append("note \(i)"); return .none } }
            }
        }
        #expect(mailbox.count == 8)
        mailbox.post { screen in screen.notes.sort(); return .none }
        let backend = MemoryBackend(size: Size(width: 60, height: 16), keys: [.char("x")])
        var screen = DemoScreen()
        #expect(try session(backend).run(&screen, mailbox: mailbox) == .inputClosed)
        #expect(screen.notes == (0..<8).map { "note \($0)" })
        #expect(mailbox.count == 0)
        #expect(backend.line(3).hasSuffix("│note 0                      │"))
    }

    struct Failing: Screen {
        struct Broken: Error {}
        var minimumSize: Size { Size(width: 1, height: 1) }
        mutating func render(into buffer: inout Buffer, area: Rect) {}
        mutating func handle(_ key: Key) throws -> Action { throw Broken() }
    }

    @Test func thrownErrorRestoresTheTerminalThenPropagates() {
        let backend = MemoryBackend(size: Size(width: 10, height: 2), keys: [.char("x")])
        var screen = Failing()
        #expect(throws: Failing.Broken.self) { try session(backend).run(&screen) }
        #expect(backend.stopCount == 1 && !backend.isStarted)
    }

    /// Background work starts once the terminal is taken, before the first frame.
    @Test func whenStartedRunsAfterStartAndBeforeTheFirstFrame() throws {
        let backend = MemoryBackend(size: Size(width: 60, height: 16), keys: [.char("j")])
        var screen = DemoScreen()
        var seen: (started: Bool, draws: Int)?
        _ = try session(backend).run(&screen) { seen = (backend.isStarted, backend.drawCount) }
        #expect(seen?.started == true)
        #expect(seen?.draws == 0)
    }

    @Test func postedQuitEndsTheLoop() throws {
        let mailbox = Mailbox<DemoScreen>()
        mailbox.post { _ in .quit }
        let backend = MemoryBackend(size: Size(width: 60, height: 16), keys: [.char("j"), .char("j")])
        var screen = DemoScreen()
        #expect(try session(backend).run(&screen, mailbox: mailbox) == .quit)
        #expect(screen.keys == [.char("j")])
    }
}

/// Compares row by row, so a failure names the row and shows both versions of it.
func expectLines(_ buffer: Buffer, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let actual = buffer.lines()
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (row, (got, want)) in zip(actual, expected).enumerated() {
        #expect(got == want, "row \(row)", sourceLocation: sourceLocation)
    }
}

extension MemoryBackend {
    func line(_ y: Int) -> String { screen.line(at: y) }
}
