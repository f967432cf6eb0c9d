import Study
import Terminal

/// The home screen's `?` overlay: its keys, the line-mode commands, and the full text of
/// any warning the banner could only summarize.
extension HomeScreen {
    var help: HelpOverlay {
        var lines: [Line] = [
            Line(t("j / ↓      下一个主题", "j / ↓      next topic")),
            Line(t("k / ↑      上一个主题", "k / ↑      previous topic")),
            Line(t("PgDn PgUp  下一页 / 上一页", "PgDn PgUp  page down / up")),
            Line(t("g / G      第一个 / 最后一个", "g / G      first / last topic")),
            Line(t("L          切换 English", "L          switch to 中文")),
            Line(t("q          退出 dojo", "q          quit dojo")),
            Line(t("?          帮助（? Esc q 关闭）", "?          help (? Esc q close it)")),
            Line(""),
            Line(t("命令行模式（不用全屏）:", "Line mode (no full screen):"), style: Style(dim: true)),
        ]
        for command in ["dojo review --plain", "dojo quiz --plain", "dojo stats", "dojo doctor"] {
            lines.append(Line("  " + command, style: Style(dim: true)))
        }
        if !warnings.isEmpty {
            lines.append(Line(""))
            lines.append(Line(t("问题:", "Problems:"), style: Style(bold: true)))
            for warning in warnings {
                lines.append(Line("! " + warning.summary.text(in: language), style: Style(fg: .red, bold: true)))
                lines.append(Line(warning.detail))
            }
        }
        return HelpOverlay(
            title: Line(t("帮助", "Help"), style: Style(bold: true)),
            lines: lines,
            footer: Line(t("Esc 关闭", "Esc closes"), style: Style(dim: true)))
    }
}
