import Study
import Terminal

/// The first screen: what there is to do today, and the topics with their counts.
///
/// Wide terminals get a "Today" panel beside the topic table; narrow ones stack a compact
/// summary above it. Below `minimumSize` the event loop shows its "too small" notice.
/// Until content and database have loaded (off the UI thread) `summary` is nil and the
/// figures show as "…".
struct HomeScreen {
    /// What the screen shows; nil while loading.
    var summary: HomeSummary?
    var language: Language
    var topicList = ListState()
    /// Topic rows the last frame had room for: a page for PgUp/PgDn.
    var visibleTopicRows = 10
    var showsHelp = false
    /// How far the help overlay is scrolled, and how far it can be in the last frame.
    var helpScroll = 0
    var helpMaxScroll = 0

    static let minimumSize = Size(width: 40, height: 10)
    /// Wide enough for the side-by-side layout.
    static let wideLayoutWidth = 72
    /// Shown in place of a figure that is still loading.
    static let pending = "…"

    init(summary: HomeSummary?, language: Language) {
        self.summary = summary
        self.language = language
    }

    /// The screen before anything has loaded.
    static func loading(language: Language) -> HomeScreen {
        HomeScreen(summary: nil, language: language)
    }

    func t(_ zh: String, _ en: String) -> String { UIStrings.text(zh, en, in: language) }

    var warnings: [HomeWarning] { summary?.warnings ?? [] }
    var topics: [HomeSummary.TopicRow] { summary?.topics ?? [] }

    mutating func handle(_ key: Key) -> Action {
        if showsHelp {
            handleInHelp(key)
            return .none
        }
        switch key {
        case .char("q"): return .quit
        case .char("?"): showsHelp = true; helpScroll = 0
        case .char("L"): language = language == .zh ? .en : .zh
        default:
            _ = topicList.handle(key, count: topics.count, pageSize: visibleTopicRows)
        }
        return .none
    }

    /// In the help overlay the list keys scroll it; `?`, Esc, q and Enter close it.
    private mutating func handleInHelp(_ key: Key) {
        switch key {
        case .escape, .char("?"), .char("q"), .enter: showsHelp = false
        case .down, .char("j"): helpScroll += 1
        case .up, .char("k"): helpScroll -= 1
        case .pageDown, .ctrl("f"), .char(" "): helpScroll += 5
        case .pageUp, .ctrl("b"): helpScroll -= 5
        case .home, .char("g"): helpScroll = 0
        case .end, .char("G"): helpScroll = helpMaxScroll
        default: break
        }
        helpScroll = min(max(0, helpScroll), helpMaxScroll)
    }

    mutating func render(into buffer: inout Buffer, area: Rect) {
        let banner = bannerLines(width: area.width, maxLines: area.height >= 16 ? 2 : 1)
        let rows = area.split(.vertical, [.length(1), .length(banner.count), .fill, .length(1)])
        renderTitle(into: &buffer, area: rows[0])
        for (i, line) in banner.enumerated() {
            buffer.write(line, at: Point(x: rows[1].x, y: rows[1].y + i), clip: rows[1])
        }
        if area.width >= Self.wideLayoutWidth {
            let columns = rows[2].split(.horizontal, [.length(32), .fill])
            renderToday(into: &buffer, area: columns[0])
            renderTopics(into: &buffer, area: columns[1], compact: false)
        } else {
            // At most 4 rows, and never so many that the topic box loses its last row.
            let maxRows = max(1, min(4, rows[2].height - 4))
            let today = compactTodayRows(width: rows[2].width - 1, maxRows: maxRows)
            let parts = rows[2].split(.vertical, [.length(min(maxRows, today.count)), .fill])
            for (i, row) in today.enumerated() where i < parts[0].height {
                buffer.write(row, at: Point(x: parts[0].x + 1, y: parts[0].y + i), clip: parts[0])
            }
            renderTopics(into: &buffer, area: parts[1], compact: true)
        }
        KeyHintBar(hints).render(into: &buffer, area: rows[3])
        if showsHelp {
            var overlay = help
            helpMaxScroll = overlay.maxScroll(in: area)
            helpScroll = min(helpScroll, helpMaxScroll)
            overlay.scroll = helpScroll
            overlay.render(into: &buffer, area: area)
        }
    }

    private var hints: [KeyHint] {
        [KeyHint("q", t("退出", "quit")), KeyHint("?", t("帮助", "help")),
         KeyHint("j/k", t("移动", "move")), KeyHint("L", language == .zh ? "English" : "中文")]
    }

    /// The first warning, wrapped to at most `maxLines` rows; a cut row ends in "…" and the
    /// full text is in the help overlay.
    func bannerLines(width: Int, maxLines: Int) -> [Line] {
        guard let first = warnings.first else { return [] }
        let more = warnings.count > 1 ? " (+\(warnings.count - 1))" : ""
        let text = "! " + first.summary.text(in: language) + more + t("（? 查看详情）", " (? for details)")
        return TextWrapper.wrap(Line(text, style: Style(fg: .red, bold: true)), width: width, maxLines: maxLines)
    }

    /// " LLM Dojo · subtitle" on the left, the card count and version on the right; when
    /// both do not fit the subtitle is cut with "…", and the right part goes only when
    /// the title would be left with almost no room.
    private func renderTitle(into buffer: inout Buffer, area: Rect) {
        let title = Line([Span(" LLM Dojo", style: Style(fg: .cyan, bold: true)),
                          Span(t(" · 大模型面试道场", " · interview practice for LLM engineers"), style: Style(dim: true))])
        let count = summary.map { "\($0.totalCards) \(t("张卡片", "cards"))" } ?? t("加载中…", "loading…")
        let right = "\(count)  v\(AppVersion.string) "
        let rightWidth = DisplayWidth.of(right)
        let titleRoom = title.width + 1 + rightWidth <= area.width ? title.width : area.width - rightWidth - 1
        if titleRoom >= 12 {
            buffer.write(TextFit.truncate(title, toWidth: titleRoom), at: area.origin, clip: area)
            buffer.write(right, at: Point(x: area.right - rightWidth, y: area.y), style: Style(dim: true), clip: area)
        } else {
            buffer.write(TextFit.truncate(title, toWidth: area.width), at: area.origin, clip: area)
        }
    }
}

extension HomeScreen: Screen {
    var minimumSize: Size { Self.minimumSize }
}
