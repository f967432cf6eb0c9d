/// Fits a line into a fixed number of columns: cut with an ellipsis, padded with spaces.
public enum TextFit {
    /// `line` cut to at most `width` columns; when it is cut, "…" marks the cut. A wide
    /// character that would straddle the limit is left out, never halved.
    public static func truncate(_ line: Line, toWidth width: Int, ellipsis: Character = "…") -> Line {
        guard width > 0 else { return Line([]) }
        guard line.width > width else { return line }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        var kept: [(Character, Style)] = []
        var used = 0
        var lastStyle = line.spans.first?.style ?? .plain
        for (ch, style) in line.styledCharacters {
            let w = DisplayWidth.of(ch)
            if used + w > width - ellipsisWidth { break }
            kept.append((ch, style))
            used += w
            lastStyle = style
        }
        if used + ellipsisWidth <= width { kept.append((ellipsis, lastStyle)) }
        return Line(styledCharacters: kept)
    }

    /// Plain text cut to `width` columns with an ellipsis.
    public static func truncate(_ text: String, toWidth width: Int) -> String {
        truncate(Line(text), toWidth: width).plainText
    }

    /// `line` cut to `width` and padded with spaces to exactly `width` columns, placed by `alignment`.
    public static func fit(_ line: Line, width: Int, alignment: Alignment = .left, padStyle: Style = .plain) -> Line {
        let cut = truncate(line, toWidth: width)
        let room = max(0, width - cut.width)
        let left = alignment.offset(textWidth: cut.width, in: width)
        var spans: [Span] = []
        if left > 0 { spans.append(Span(String(repeating: " ", count: left), style: padStyle)) }
        spans += cut.spans
        if room - left > 0 { spans.append(Span(String(repeating: " ", count: room - left), style: padStyle)) }
        return Line(spans)
    }

    /// Plain text fitted to exactly `width` columns.
    public static func fit(_ text: String, width: Int, alignment: Alignment = .left) -> String {
        fit(Line(text), width: width, alignment: alignment).plainText
    }
}
