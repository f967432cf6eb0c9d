import Study
import Terminal

/// The home screen's two panels: what there is to do today, and the topic table.
extension HomeScreen {
    /// The Today figures with their labels; `short` labels for the stacked layout when
    /// the full ones would take too many rows.
    func todayLines(short: Bool = false) -> [(String, String)] {
        let labels = short ? shortTodayLabels : todayLabels
        guard let summary else {
            return labels.map { ($0, Self.pending) }
        }
        let retention = summary.retention.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"
        let values = [
            "\(summary.dueNow)", "\(summary.newToday) / \(summary.unseen)", "\(summary.reviewedToday)",
            "\(summary.streakDays) \(t("天", "d"))", retention, "\(summary.quizAnsweredToday)", "\(summary.experiments)",
        ]
        return Array(zip(labels, values))
    }

    private var todayLabels: [String] {
        [t("到期复习", "Due now"), t("今日新卡", "New today"), t("今日已复习", "Reviewed today"),
         t("连续天数", "Streak"), t("保持率 (30 天)", "Retention (30 d)"), t("今日测验", "Quiz answers today"),
         t("实验", "Lab experiments")]
    }

    private var shortTodayLabels: [String] {
        [t("到期", "Due"), t("新卡", "New"), t("已复习", "Reviewed"), t("连续", "Streak"),
         t("保持率", "Retention"), t("测验", "Quiz"), t("实验", "Lab")]
    }

    func renderToday(into buffer: inout Buffer, area: Rect) {
        let border = Border(title: Line(t("今天", "Today"), style: Style(bold: true)), style: Style(fg: .cyan))
        border.render(into: &buffer, area: area)
        let inner = border.inner(of: area).inset(horizontal: 1, vertical: 0)
        var y = inner.y
        for (label, value) in todayLines() where y < inner.bottom {
            buffer.write(label, at: Point(x: inner.x, y: y), clip: inner)
            let x = inner.right - DisplayWidth.of(value)
            buffer.write(value, at: Point(x: x, y: y), style: Style(bold: true), clip: inner)
            y += 1
        }
        y += 1
        let lineMode = [t("命令行学习：", "Study in line mode:"), "  dojo review --plain", "  dojo quiz --plain"]
        for line in lineMode where y < inner.bottom {
            buffer.write(line, at: Point(x: inner.x, y: y), style: Style(dim: true), clip: inner)
            y += 1
        }
    }

    /// The "label value" items packed into as few rows of `width` as they fit, never
    /// breaking inside an item; with short labels when the full ones need more than `maxRows`.
    func compactTodayRows(width: Int, maxRows: Int) -> [String] {
        func pack(_ items: [String]) -> [String] {
            var rows: [String] = []
            for item in items {
                if let last = rows.last, DisplayWidth.of(last) + 3 + DisplayWidth.of(item) <= width {
                    rows[rows.count - 1] = last + " · " + item
                } else {
                    rows.append(item)
                }
            }
            return rows
        }
        let full = pack(todayLines().map { "\($0.0) \($0.1)" })
        return full.count <= maxRows ? full : pack(todayLines(short: true).map { "\($0.0) \($0.1)" })
    }

    mutating func renderTopics(into buffer: inout Buffer, area: Rect, compact: Bool) {
        let border = Border(title: Line(t("主题", "Topics"), style: Style(bold: true)), style: Style(fg: .cyan))
        border.render(into: &buffer, area: area)
        let inner = border.inner(of: area).inset(horizontal: 1, vertical: 0)
        visibleTopicRows = max(1, inner.height - 1)
        guard let summary else {
            Paragraph(t("正在加载卡片…", "loading cards…"), style: Style(dim: true)).render(into: &buffer, area: inner)
            return
        }
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
        Table(columns: columns, rows: rows).render(into: &buffer, area: inner, state: &topicList)
    }
}
