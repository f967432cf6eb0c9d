import Yams

/// Decodes one content file into a topic and its cards, checking the schema (required keys,
/// types, unknown keys, non-empty text in both languages). Every problem is collected with
/// its line; a broken card never hides the problems of the others.
struct TopicFileDecoder {
    let file: ContentFile
    var problems: [ContentProblem] = []

    init(file: ContentFile) { self.file = file }

    static let topicKeys: Set<String> = ["topic", "name", "cards"]
    static let cardKeys: Set<String> = [
        "id", "level", "seeds", "q", "a", "short", "detail", "choices", "myths", "cloze", "keywords",
        "sources", "experiment", "tags", "imported",
    ]

    mutating func report(_ line: Int, _ message: String) {
        problems.append(ContentProblem(file: file.path, line: line, message))
    }

    /// The decoded topic, or nil when the file is not YAML or not a topic mapping.
    mutating func decode() -> DecodedTopic? {
        let root: Node?
        do {
            // The basic resolver skips Yams' per-scalar regular expressions (most of the parse
            // time on Linux); the few typed fields (level, imported) are read by hand.
            root = try Yams.compose(yaml: file.text, .basic)
        } catch let error as YamlError {
            let (line, problem) = error.lineAndProblem
            report(line, "YAML syntax error: \(problem)")
            return nil
        } catch {
            report(1, "cannot parse: \(error)")
            return nil
        }
        guard let root, !root.isNullScalar else {
            report(1, "file is empty: expected keys topic, name and cards")
            return nil
        }
        guard let top = YAMLMapping(root) else {
            report(root.line(or: 1), "expected a mapping with keys topic, name and cards, found \(root.kindName)")
            return nil
        }
        for (key, line) in top.unknownKeys(allowed: Self.topicKeys) {
            report(line, "unknown key \"\(key)\" (allowed: topic, name, cards)")
        }
        var topicId: String?
        if let (v, line) = top.entry("topic") {
            topicId = string(v, path: "topic", prefix: "", line: line)
            if let id = topicId, id != file.expectedTopic {
                report(line, "topic: \"\(id)\" must match the file name \"\(file.expectedTopic)\"")
            }
        } else {
            report(top.line, "missing required key \"topic\"")
        }
        var name: LocalizedText?
        if let (v, line) = top.entry("name") {
            var lines = FieldLines(card: line)
            name = localized(v, path: "name", prefix: "", keyLine: line, lines: &lines)
        } else {
            report(top.line, "missing required key \"name\"")
        }
        var cards: [DecodedCard] = []
        if let (v, line) = top.entry("cards") {
            if let items = v.items {
                for (i, item) in items.enumerated() {
                    if let c = decodeCard(item, index: i, topic: topicId ?? file.expectedTopic) { cards.append(c) }
                }
            } else if !v.isNullScalar {
                report(v.line(or: line), "cards: expected a list of cards, found \(v.kindName)")
            }
        } else {
            report(top.line, "missing required key \"cards\"")
        }
        guard let topicId, let name else { return nil }
        return DecodedTopic(id: topicId, name: name, cards: cards, file: file, line: top.line)
    }

    private mutating func decodeCard(_ node: Node, index: Int, topic: String) -> DecodedCard? {
        let fallbackLine = node.line(or: 1)
        guard let m = YAMLMapping(node) else {
            report(fallbackLine, "card #\(index + 1): expected a mapping, found \(node.kindName)")
            return nil
        }
        var lines = FieldLines(card: m.line)
        var id: String?
        if let (v, line) = m.entry("id") {
            id = string(v, path: "id", prefix: "card #\(index + 1): ", line: line)
            lines.set("id", line)
        }
        let prefix = id.map { "card \"\($0)\": " } ?? "card #\(index + 1): "
        if id == nil, m.entry("id") == nil { report(m.line, "\(prefix)missing required key \"id\"") }
        for (key, line) in m.unknownKeys(allowed: Self.cardKeys) {
            report(line, "\(prefix)unknown key \"\(key)\"")
        }
        var imported = false
        if let (v, line) = m.entry("imported") {
            lines.set("imported", line)
            if let b = v.plainBool { imported = b } else { report(line, "\(prefix)imported: expected true or false") }
        }
        func required(_ key: String) -> (value: Node, keyLine: Int)? {
            if let e = m.entry(key), !e.value.isNullScalar { return e }
            report(m.line, "\(prefix)missing required key \"\(key)\"")
            return nil
        }
        var level: Int?
        if let (v, line) = required("level") {
            lines.set("level", line)
            if let n = v.plainInt { level = n } else {
                report(line, "\(prefix)level: expected an integer 1…3, found \"\(v.scalarText ?? v.kindName)\"")
            }
        }
        let q = required("q").flatMap { localized($0.value, path: "q", prefix: prefix, keyLine: $0.keyLine, lines: &lines) }
        let a = required("a").flatMap { localized($0.value, path: "a", prefix: prefix, keyLine: $0.keyLine, lines: &lines) }
        var card = Card(id: id ?? "", topic: topic, level: level ?? 0, q: q ?? .init(zh: "", en: ""),
                        a: a ?? .init(zh: "", en: ""), imported: imported,
                        location: SourceLocation(file: file.path, line: m.line))
        if let (v, line) = m.entry("short"), !v.isNullScalar {
            card.short = localized(v, path: "short", prefix: prefix, keyLine: line, lines: &lines)
        }
        if let (v, line) = m.entry("detail"), !v.isNullScalar {
            card.detail = localized(v, path: "detail", prefix: prefix, keyLine: line, lines: &lines)
        }
        if let (v, line) = m.entry("cloze"), !v.isNullScalar {
            card.cloze = localized(v, path: "cloze", prefix: prefix, keyLine: line, lines: &lines)
        }
        if let (v, line) = m.entry("seeds") {
            card.seeds = strings(v, path: "seeds", prefix: prefix, keyLine: line, lines: &lines)
        }
        if let (v, line) = m.entry("tags") {
            card.tags = strings(v, path: "tags", prefix: prefix, keyLine: line, lines: &lines)
        }
        if let (v, line) = m.entry("keywords") {
            card.keywords = strings(v, path: "keywords", prefix: prefix, keyLine: line, lines: &lines).map {
                $0.split(separator: "|").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            }.filter { !$0.isEmpty }
        }
        if let (v, line) = m.entry("experiment"), !v.isNullScalar {
            lines.set("experiment", line)
            card.experiment = string(v, path: "experiment", prefix: prefix, line: line)
        }
        if imported {
            if let (v, line) = m.entry("choices") { card.choices = choices(v, prefix: prefix, keyLine: line, lines: &lines) }
            if let (v, line) = m.entry("sources") { card.sources = sources(v, prefix: prefix, keyLine: line, lines: &lines) }
        } else {
            if let (v, line) = required("choices") { card.choices = choices(v, prefix: prefix, keyLine: line, lines: &lines) }
            if let (v, line) = required("sources") { card.sources = sources(v, prefix: prefix, keyLine: line, lines: &lines) }
        }
        if let (v, line) = m.entry("myths") {
            card.myths = myths(v, prefix: prefix, keyLine: line, lines: &lines)
        }
        guard id != nil else { return nil }
        return DecodedCard(card: card, lines: lines, complete: level != nil && q != nil && a != nil)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        // Most content is already trimmed: skip the copy then.
        if let f = unicodeScalars.first, let l = unicodeScalars.last,
           !f.properties.isWhitespace, !l.properties.isWhitespace { return String(self) }
        let scalars = Array(unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}
