/// Folds text so that variants a reader would call "the same" compare equal: full-width
/// forms (ＡＢＣ１２３，) become half-width, letters lower-case, and whitespace runs collapse.
public enum TextNormalization {
    /// Full-width ASCII variants (U+FF01…U+FF5E) and the ideographic space, to half-width.
    public static func halfWidth(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(s.value - 0xFEE0)!
        case 0x3000: return " "
        default: return s
        }
    }

    /// The key used to call two choices duplicates: width-folded, lower-cased, whitespace removed.
    public static func comparisonKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let h = halfWidth(scalar)
            if h.properties.isWhitespace { continue }
            appendLowercased(h, to: &out)
        }
        return String(out)
    }

    /// Words for lenient grading: width-folded, lower-cased, punctuation and symbols turned into
    /// spaces, whitespace collapsed to single spaces and trimmed.
    public static func gradingForm(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let h = halfWidth(scalar)
            if h.properties.isWhitespace || isPunctuation(h) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            appendLowercased(h, to: &out)
        }
        return String(out)
    }

    /// Lower-cases one scalar; ASCII and caseless scalars (all of CJK) skip the Unicode
    /// case tables, which dominate the cost otherwise.
    static func appendLowercased(_ s: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        if s.isASCII {
            out.append(("A"..."Z").contains(s) ? Unicode.Scalar(s.value + 32)! : s)
        } else if s.properties.changesWhenLowercased {
            out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
        } else {
            out.append(s)
        }
    }

    /// Punctuation and symbols, ASCII and CJK (，。、；：？！“”《》【】…), except those that carry
    /// meaning in technical terms: `+` (C++), `#`, `%`, `/` (1/√d), `=`, `<`, `>`.
    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        if "+#%/=<>^*".unicodeScalars.contains(s) { return false }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
