/// A cloze text split into plain runs and `{{…}}` spans.
public struct Cloze: Hashable, Sendable {
    /// A piece of the text: plain, or a span to blank out.
    public enum Piece: Hashable, Sendable {
        case text(String)
        case span(String)
    }

    public var pieces: [Piece]

    /// The contents of the spans, in order.
    public var spans: [String] {
        pieces.compactMap { if case let .span(s) = $0 { return s } else { return nil } }
    }

    /// Why a cloze text cannot be used.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case unclosed, unopened, nested, emptySpan, noSpan

        public var description: String {
            switch self {
            case .unclosed: return "unbalanced markers: \"{{\" without a closing \"}}\""
            case .unopened: return "unbalanced markers: \"}}\" without an opening \"{{\""
            case .nested: return "unbalanced markers: \"{{\" inside another {{…}}"
            case .emptySpan: return "empty {{}} span"
            case .noSpan: return "needs at least one {{…}} span"
            }
        }
    }

    /// Splits `text`; markers must be balanced, not nested, and enclose some text.
    public static func parse(_ text: String) -> Result<Cloze, Problem> {
        var pieces: [Piece] = []
        var current = "", inSpan = false
        var i = text.startIndex
        while i < text.endIndex {
            let rest = text[i...]
            if rest.hasPrefix("{{") {
                if inSpan { return .failure(.nested) }
                if !current.isEmpty { pieces.append(.text(current)) }
                current = ""; inSpan = true
                i = text.index(i, offsetBy: 2)
            } else if rest.hasPrefix("}}") {
                if !inSpan { return .failure(.unopened) }
                if current.trimmingSpaces.isEmpty { return .failure(.emptySpan) }
                pieces.append(.span(current)); current = ""; inSpan = false
                i = text.index(i, offsetBy: 2)
            } else {
                current.append(text[i])
                i = text.index(after: i)
            }
        }
        if inSpan { return .failure(.unclosed) }
        if !current.isEmpty { pieces.append(.text(current)) }
        let cloze = Cloze(pieces: pieces)
        return cloze.spans.isEmpty ? .failure(.noSpan) : .success(cloze)
    }

    /// The text with span `index` replaced by `blank` and the other spans shown plainly.
    public func blanking(_ index: Int, with blank: String = "____") -> String {
        var n = -1
        return pieces.map { piece -> String in
            switch piece {
            case let .text(t): return t
            case let .span(s):
                n += 1
                return n == index ? blank : s
            }
        }.joined()
    }

    /// The text with every marker removed.
    public var plain: String { blanking(-1) }
}
