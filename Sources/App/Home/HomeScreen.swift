import Study
import Terminal

/// The first screen: what there is to do today, and the topics with their counts.
///
/// Wide terminals get a "Today" panel beside the topic table; narrow ones stack a compact
/// summary above it. Below `minimumSize` the event loop shows its "too small" notice.
struct HomeScreen {
    var summary: HomeSummary
    var language: Language
    var topicList = ListState()
    var showsHelp = false

    static let minimumSize = Size(width: 40, height: 10)
    /// Wide enough for the side-by-side layout.
    static let wideLayoutWidth = 72

    init(summary: HomeSummary, language: Language) {
        self.summary = summary
        self.language = language
    }

    private func t(_ zh: String, _ en: String) -> String { UIStrings.text(zh, en, in: language) }

    mutating func handle(_ key: Key) -> Action {
        if showsHelp {
            switch key {
            case .escape, .char("?"), .char("q"), .enter: showsHelp = false
            default: break
            }
            return .none
        }
        switch key {
        case .char("q"): return .quit
        case .char("?"): showsHelp = true
        case .char("L"): language = language == .zh ? .en : .zh
        default:
            _ = topicList.handle(key, count: summary.topics.count, pageSize: 10)
        }
        return .none
    }

    mutating func render(into buffer: inout Buffer, area: Rect) {
        let rows = area.split(.vertical, [.length(1), .length(summary.warnings.isEmpty ? 0 : 1), .fill, .length(1)])
        renderTitle(into: &buffer, area: rows[0])
        if let warning = summary.warnings.first {
            let more = summary.warnings.count > 1 ? " (+\(summary.warnings.count - 1))" : ""
            Paragraph("! " + warning + more, style: Style(fg: .red, bold: true), wraps: false).render(into: &buffer, area: rows[1])
        }
        if area.width >= Self.wideLayoutWidth {
            let columns = rows[2].split(.horizontal, [.length(32), .fill])
            renderToday(into: &buffer, area: columns[0])
            renderTopics(into: &buffer, area: columns[1], compact: false)
        } else {
            let parts = rows[2].split(.vertical, [.length(4), .fill])
            renderCompactToday(into: &buffer, area: parts[0])
            renderTopics(into: &buffer, area: parts[1], compact: true)
        }
        KeyHintBar(hints).render(into: &buffer, area: rows[3])
        if showsHelp { help.render(into: &buffer, area: area) }
    }

    private var hints: [KeyHint] {
        [KeyHint("q", t("退出", "quit")), KeyHint("?", t("帮助", "help")),
         KeyHint("j/k", t("移动", "move")), KeyHint("L", language == .zh ? "English" : "中文")]
    }

    private func renderTitle(into buffer: inout Buffer, area: Rect) {
        let title = Line([Span(" LLM Dojo", style: Style(fg: .cyan, bold: true)),
                          Span(t(" · 大模型面试道场", " · interview practice for LLM engineers"), style: Style(dim: true))])
        _ = buffer.write(title, at: area.origin, clip: area)
        let right = "\(summary.totalCards) \(t("张卡片", "cards"))  v\(AppVersion.string) "
        let x = area.right - DisplayWidth.of(right)
        if x > area.x + title.width { _ = buffer.write(right, at: Point(x: x, y: area.y), style: Style(dim: true), clip: area) }
    }

    private var todayLines: [(String, String)] {
        let retention = summary.retention.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"
        return [
            (t("到期复习", "Due now"), "\(summary.dueNow)"),
            (t("今日新卡", "New today"), "\(summary.newToday) / \(summary.unseen)"),
            (t("今日已复习", "Reviewed today"), "\(summary.reviewedToday)"),
            (t("连续天数", "Streak"), "\(summary.streakDays) \(t("天", "d"))"),
            (t("保持率 (30 天)", "Retention (30 d)"), retention),
            (t("今日测验", "Quiz answers today"), "\(summary.quizAnsweredToday)"),
            (t("实验", "Lab experiments"), "\(summary.experiments)"),
        ]
    }

    private func renderToday(into buffer: inout Buffer, area: Rect) {
        let border = Border(title: Line(t("今天", "Today"), style: Style(bold: true)), style: Style(fg: .cyan))
        border.render(into: &buffer, area: area)
        let inner = border.inner(of: area).inset(horizontal: 1, vertical: 0)
        var y = inner.y
        for (label, value) in todayLines where y < inner.bottom {
            _ = buffer.write(label, at: Point(x: inner.x, y: y), clip: inner)
            let x = inner.right - DisplayWidth.of(value)
            _ = buffer.write(value, at: Point(x: x, y: y), style: Style(bold: true), clip: inner)
            y += 1
        }
        y += 1
        let lineMode = [t("命令行学习:", "Study in line mode:"), "  dojo review --plain", "  dojo quiz --plain"]
        for line in lineMode where y < inner.bottom {
            _ = buffer.write(line, at: Point(x: inner.x, y: y), style: Style(dim: true), clip: inner)
            y += 1
        }
    }

    /// Packs the "label value" items into as few rows as fit, never breaking inside an item.
    private func renderCompactToday(into buffer: inout Buffer, area: Rect) {
        let width = max(1, area.width - 1)
        var rows: [String] = []
        for item in todayLines.map({ "\($0.0) \($0.1)" }) {
            if let last = rows.last, DisplayWidth.of(last) + 3 + DisplayWidth.of(item) <= width {
                rows[rows.count - 1] = last + " · " + item
            } else {
                rows.append(item)
            }
        }
        for (i, row) in rows.enumerated() where i < area.height {
            _ = buffer.write(row, at: Point(x: area.x + 1, y: area.y + i), clip: area)
        }
    }

    private mutating func renderTopics(into buffer: inout Buffer, area: Rect, compact: Bool) {
        let border = Border(title: Line(t("主题", "Topics"), style: Style(bold: true)), style: Style(fg: .cyan))
        border.render(into: &buffer, area: area)
        let inner = border.inner(of: area).inset(horizontal: 1, vertical: 0)
        guard !summary.topics.isEmpty else {
            Paragraph(t("没有找到卡片。运行 `dojo doctor` 查看内容目录。",
                        "No cards found. Run `dojo doctor` to see where content is looked for."),
                      style: Style(dim: true)).render(into: &buffer, area: inner)
            return
        }
        var columns = [Table.Column(Line(t("主题", "Topic")), width: .fill)]
        if !compact { columns.append(Table.Column(Line(t("卡片", "Cards")), width: .length(5), alignment: .right)) }
        columns.append(Table.Column(Line(t("到期", "Due")), width: .length(4), alignment: .right))
        columns.append(Table.Column(Line(t("新", "New")), width: .length(4), alignment: .right))
        if !compact { columns.append(Table.Column(Line(t("掌握", "Known")), width: .length(5), alignment: .right)) }
        let rows: [[Line]] = summary.topics.map { topic in
            var row = [Line(topic.name.text(in: language))]
            if !compact { row.append(Line("\(topic.cards)")) }
            row.append(Line("\(topic.due)", style: topic.due > 0 ? Style(fg: .yellow, bold: true) : .plain))
            row.append(Line("\(topic.new)"))
            if !compact { row.append(Line(topic.mastery.map { "\(Int(($0 * 100).rounded()))%" } ?? "—")) }
            return row
        }
        topicList.scrollToSelection(visibleRows: inner.height - 1, count: rows.count)
        Table(columns: columns, rows: rows, selectedRow: topicList.selected).render(into: &buffer, area: inner)
    }

    private var help: HelpOverlay {
        HelpOverlay(
            title: Line(t("帮助", "Help"), style: Style(bold: true)),
            lines: [
                Line(t("j / ↓      下一个主题", "j / ↓      next topic")),
                Line(t("k / ↑      上一个主题", "k / ↑      previous topic")),
                Line(t("g / G      第一个 / 最后一个", "g / G      first / last")),
                Line(t("L          切换中文 / English", "L          switch 中文 / English")),
                Line(t("?          显示 / 关闭帮助", "?          show / close help")),
                Line(t("q          退出", "q          quit")),
                Line(""),
                Line(t("命令行: dojo review --plain, dojo quiz --plain, dojo doctor",
                       "Line mode: dojo review --plain, dojo quiz --plain, dojo doctor"), style: Style(dim: true)),
            ],
            footer: Line(t("按 ? 或 Esc 关闭", "press ? or Esc to close"), style: Style(dim: true)))
    }
}

extension HomeScreen: Screen {
    var minimumSize: Size { Self.minimumSize }
}
