/// A backend that keeps the screen in memory and reads keys from a script: every screen
/// becomes a text snapshot in tests.
///
/// It applies only the runs it is given, so a test through it also checks the diff.
///
/// ```swift
/// let backend = MemoryBackend(size: Size(width: 30, height: 5), keys: [.char("j")])
/// backend.enqueueResize(to: Size(width: 20, height: 4))
/// _ = try TerminalSession(backend: backend, trapsSignals: false).run(&screen)
/// #expect(backend.lines[0] == "Title")
/// ```
public final class MemoryBackend: Backend {
    /// One step of the input script.
    public enum ScriptStep: Hashable, Sendable {
        /// The user presses a key.
        case key(Key)
        /// The terminal becomes `size` (delivered as `.resize`).
        case resize(Size)
    }

    /// What the terminal shows now.
    public private(set) var screen: Buffer
    /// Where the cursor is, nil when hidden.
    public private(set) var cursor: Point?
    /// How many times `draw` was called.
    public private(set) var drawCount = 0
    /// The runs passed to the last `draw`.
    public private(set) var lastRuns: [CellRun] = []
    /// The screen after every `draw`, oldest first, for tests that follow several frames.
    public private(set) var frames: [Buffer] = []
    /// True between `start` and `stop`.
    public private(set) var isStarted = false
    /// How many times `stop` ran (a restored terminal shows at least 1).
    public private(set) var stopCount = 0
    private var script: [ScriptStep]

    /// A blank screen of `size` that will read `keys`, then report `.closed`.
    public init(size: Size, keys: [Key] = []) {
        self.screen = Buffer(size: size)
        self.script = keys.map { .key($0) }
    }

    /// Adds keys to the end of the script.
    public func enqueue(_ keys: Key...) {
        script += keys.map { .key($0) }
    }

    /// Adds a terminal resize to the end of the script.
    public func enqueueResize(to size: Size) {
        script.append(.resize(size))
    }

    public var size: Size { screen.size }

    public func start() throws { isStarted = true }

    public func stop() {
        isStarted = false
        stopCount += 1
    }

    public func draw(_ runs: [CellRun], cursor: Point?) {
        for run in runs {
            for (i, cell) in run.cells.enumerated() {
                let x = run.origin.x + i
                if x < screen.size.width, run.origin.y < screen.size.height {
                    screen[x, run.origin.y] = cell
                }
            }
        }
        self.cursor = cursor
        lastRuns = runs
        frames.append(screen)
        drawCount += 1
    }

    public func invalidate() {
        screen = Buffer(size: screen.size)
    }

    public func poll(timeoutMilliseconds: Int) -> InputEvent {
        guard !script.isEmpty else { return .closed }
        switch script.removeFirst() {
        case .key(let key):
            return .key(key)
        case .resize(let size):
            screen = Buffer(size: size)
            return .key(.resize)
        }
    }

    /// The screen's rows as text, trailing spaces trimmed; wide characters appear once.
    public var lines: [String] { screen.lines() }

    /// The screen as one string, rows joined by newlines.
    public var text: String { screen.text }

    /// The style at column `x`, row `y` (nil outside the screen).
    public func style(at point: Point) -> Style? {
        screen.cell(at: point)?.style
    }

    /// The column where `needle` first appears in row `y`, counted in display columns.
    public func column(of needle: String, inRow y: Int) -> Int? {
        let line = screen.line(at: y)
        guard let range = line.firstRange(of: needle) else { return nil }
        return DisplayWidth.of(line[..<range.lowerBound])
    }
}
