/// Writes a topic as a content file in our schema (the format `ContentLoader` reads), with a
/// header comment saying where it came from. Strings are double-quoted with JSON-style
/// escapes, which YAML reads back unchanged.
public enum DeckYAMLWriter {
    /// The YAML text for `topic`; `origin` names the imported file in the header comment.
    public static func yaml(_ topic: Topic, importedFrom origin: String) -> String {
        var out = """
        # Imported by `dojo deck import` from \(origin) (\(topic.cards.count.counted("card"))).
        # Anki notes have one language, so each text is copied into both zh and en; edit either to translate.
        # Cards marked `imported: true` may have no choices and no sources (see content/README.md).
        # Ids are the deck id plus a hash of the front: keep them, review progress is stored under them.
        topic: \(quote(topic.id))
        name: \(localized(topic.name))
        cards:

        """
        for card in topic.cards {
            out += "  - id: \(quote(card.id))\n"
            out += "    imported: true\n"
            out += "    level: \(card.level)\n"
            out += "    q: \(localized(card.q))\n"
            out += "    a: \(localized(card.a))\n"
            if let d = card.detail { out += "    detail: \(localized(d))\n" }
            if !card.tags.isEmpty { out += "    tags: [\(card.tags.map(quote).joined(separator: ", "))]\n" }
        }
        return out
    }

    static func localized(_ t: LocalizedText) -> String {
        "{ zh: \(quote(t.zh)), en: \(quote(t.en)) }"
    }

    /// A YAML double-quoted scalar.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F || u.value == 0x85 || u.value == 0x2028 || u.value == 0x2029 || u.value == 0xFEFF {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
