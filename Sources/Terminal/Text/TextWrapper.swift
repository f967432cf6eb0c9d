/// Breaks text into lines no wider than a given number of columns.
///
/// Latin words break at spaces and after hyphens (a word longer than a line is cut between
/// letters); Chinese
/// and other wide text may break between any two characters, except that closing
/// punctuation (，。）」) never starts a line and opening punctuation (（「) never ends one.
/// A wide character is never split.
///
/// ```swift
/// TextWrapper.wrap("LoRA 冻结原权重，只训练低秩矩阵。", width: 12)
/// // ["LoRA", "冻结原权重，", "只训练低秩矩", "阵。"]
/// ```
public enum TextWrapper {
    /// Plain text wrapped to `width`; "\n" starts a new line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        wrap(Line(text), width: width).map(\.plainText)
    }

    /// Styled lines wrapped to `width`; each input line starts a new output line.
    public static func wrap(_ lines: [Line], width: Int) -> [Line] {
        lines.flatMap { wrap($0, width: width) }
    }

    /// `line` wrapped to `width` in at most `maxLines` lines; when text is left over, the
    /// last line ends in "…" so the reader knows it was cut.
    public static func wrap(_ line: Line, width: Int, maxLines: Int) -> [Line] {
        let all = wrap(line, width: width)
        guard all.count > maxLines, maxLines > 0 else { return all }
        let last = all[maxLines - 1]
        let style = last.spans.last?.style ?? .plain
        return Array(all.prefix(maxLines - 1)) + [TextFit.truncate(Line(last.spans + [Span("…", style: style)]), toWidth: width)]
    }

    /// One styled line wrapped to `width`; newlines inside it start new lines.
    public static func wrap(_ line: Line, width: Int) -> [Line] {
        guard width > 0 else { return [] }
        var result: [Line] = []
        var hardLine: [(Character, Style)] = []
        for item in line.styledCharacters {
            if item.0 == "\n" || item.0 == "\r\n" {
                result += wrapHardLine(hardLine, width: width)
                hardLine = []
            } else {
                hardLine.append(item)
            }
        }
        result += wrapHardLine(hardLine, width: width)
        return result
    }

    private typealias Styled = (Character, Style)

    /// A piece that stays on one line: a Latin word, one wide character with the
    /// punctuation glued to it, or a single space.
    private struct Token {
        var characters: [Styled] = []
        var width = 0
        var isSpace = false
        /// The token ends with a character after which no break is allowed (an opening bracket).
        var gluesNext = false
        /// The token ends with a narrow, non-space character, so a following one joins it.
        var endsNarrow = false

        mutating func append(_ item: Styled, width w: Int) {
            characters.append(item)
            width += w
        }
    }

    /// Closing punctuation that must not begin a line.
    private static let noBreakBefore: Set<Character> = Set("，。、；：？！）」』】》〉”’…·,.;:!?)]}%")
    /// Opening punctuation that must not end a line.
    private static let noBreakAfter: Set<Character> = Set("（「『【《〈“‘([{")

    private static func tokenize(_ characters: [Styled]) -> [Token] {
        var tokens: [Token] = []
        for item in characters {
            let ch = item.0 == "\t" ? " " : item.0
            let w = DisplayWidth.of(ch)
            if ch == " " {
                var space = Token()
                space.append((" ", item.1), width: 1)
                space.isSpace = true
                tokens.append(space)
                continue
            }
            let joinsPrevious: Bool
            if let last = tokens.last, !last.isSpace {
                let afterHyphen = last.characters.last?.0 == "-" && last.characters.count > 1
                joinsPrevious = last.gluesNext || noBreakBefore.contains(ch) || (w < 2 && last.endsNarrow && !afterHyphen)
            } else {
                joinsPrevious = false
            }
            if !joinsPrevious { tokens.append(Token()) }
            tokens[tokens.count - 1].append((ch, item.1), width: w)
            tokens[tokens.count - 1].gluesNext = noBreakAfter.contains(ch)
            tokens[tokens.count - 1].endsNarrow = w < 2
        }
        return tokens
    }

    private static func wrapHardLine(_ characters: [Styled], width: Int) -> [Line] {
        var lines: [[Styled]] = []
        var current: [Styled] = []
        var currentWidth = 0
        var wrapped = false

        func finishLine() {
            while let last = current.last, last.0 == " " { current.removeLast() }
            lines.append(current)
            current = []
            currentWidth = 0
            wrapped = true
        }

        for token in tokenize(characters) {
            if token.isSpace {
                // Spaces at the start of a wrapped line are the break itself: drop them.
                if current.isEmpty && wrapped { continue }
                if currentWidth + 1 <= width {
                    current += token.characters
                    currentWidth += 1
                } else {
                    finishLine()
                }
                continue
            }
            if currentWidth + token.width <= width {
                current += token.characters
                currentWidth += token.width
                continue
            }
            if token.width <= width {
                finishLine()
                current = token.characters
                currentWidth = token.width
                continue
            }
            // Longer than a whole line: cut between characters, never inside one.
            if !current.isEmpty { finishLine() }
            for item in token.characters {
                let w = DisplayWidth.of(item.0)
                if currentWidth + w > width { finishLine() }
                current.append(item)
                currentWidth += w
            }
        }
        while let last = current.last, last.0 == " " { current.removeLast() }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines.map { Line(styledCharacters: $0) }
    }
}
