import Yams

/// Field decoders: each reports its own problems (with the field's path and line) and returns
/// nil or an empty value when the field cannot be used.
extension TopicFileDecoder {
    /// A non-empty scalar string.
    mutating func string(_ node: Node, path: String, prefix: String, line: Int) -> String? {
        guard let s = node.scalarText, !node.isNullScalar else {
            report(node.line(or: line), "\(prefix)\(path): expected a string, found \(node.isNullScalar ? "nothing" : node.kindName)")
            return nil
        }
        let t = s.trimmingSpaces
        if t.isEmpty {
            report(node.line(or: line), "\(prefix)\(path): must not be empty")
            return nil
        }
        return t
    }

    /// A list of non-empty strings; bad items are reported and dropped.
    mutating func strings(_ node: Node, path: String, prefix: String, keyLine: Int, lines: inout FieldLines) -> [String] {
        lines.set(path, keyLine)
        if node.isNullScalar { return [] }
        guard let items = node.items else {
            report(node.line(or: keyLine), "\(prefix)\(path): expected a list, found \(node.kindName)")
            return []
        }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            let p = "\(path)[\(i)]"
            if let s = string(item, path: p, prefix: prefix, line: keyLine) {
                lines.set("\(path)[\(out.count)]", item.line(or: keyLine))
                out.append(s)
            }
        }
        return out
    }

    /// `{ zh: "…", en: "…" }` with both languages non-empty; `extra` keys are allowed and
    /// left for the caller.
    mutating func localized(_ node: Node, path: String, prefix: String, keyLine: Int,
                            lines: inout FieldLines, extra: Set<String> = []) -> LocalizedText? {
        lines.set(path, keyLine)
        guard let m = YAMLMapping(node) else {
            report(node.line(or: keyLine), "\(prefix)\(path): expected { zh: \"…\", en: \"…\" }, found \(node.kindName)")
            return nil
        }
        for (key, line) in m.unknownKeys(allowed: Set(Language.allCases.map(\.rawValue)).union(extra)) {
            report(line, "\(prefix)\(path): unknown key \"\(key)\"")
        }
        var texts: [Language: String] = [:]
        for lang in Language.allCases {
            guard let (v, line) = m.entry(lang.rawValue) else {
                report(m.line, "\(prefix)\(path): missing \"\(lang.rawValue)\"")
                continue
            }
            lines.set("\(path).\(lang.rawValue)", line)
            guard let s = v.scalarText, !v.isNullScalar, !s.trimmingSpaces.isEmpty else {
                let found = v.scalarText == nil ? ", found \(v.kindName)" : ""
                report(line, "\(prefix)\(path).\(lang.rawValue): must be non-empty text\(found)")
                continue
            }
            texts[lang] = s.trimmingSpaces
        }
        guard let zh = texts[.zh], let en = texts[.en] else { return nil }
        return LocalizedText(zh: zh, en: en)
    }

    /// `choices`: `{ zh, en, why: { zh, en } }` items.
    mutating func choices(_ node: Node, prefix: String, keyLine: Int, lines: inout FieldLines) -> [Choice] {
        lines.set("choices", keyLine)
        if node.isNullScalar { return [] }
        guard let items = node.items else {
            report(node.line(or: keyLine), "\(prefix)choices: expected a list, found \(node.kindName)")
            return []
        }
        var out: [Choice] = []
        for (i, item) in items.enumerated() {
            let path = "choices[\(i)]"
            let itemLine = item.line(or: keyLine)
            lines.set(path, itemLine)
            let text = localized(item, path: path, prefix: prefix, keyLine: itemLine, lines: &lines, extra: ["why"])
            var why: LocalizedText?
            if let m = YAMLMapping(item) {
                if let (v, line) = m.entry("why") {
                    why = localized(v, path: "\(path).why", prefix: prefix, keyLine: line, lines: &lines)
                } else {
                    report(m.line, "\(prefix)\(path): missing \"why\" (say why a learner might believe it and why it is wrong)")
                }
            }
            if let text, let why { out.append(Choice(text: text, why: why)) }
        }
        return out
    }

    /// `myths`: `{ claim, truth, seed? }` items.
    mutating func myths(_ node: Node, prefix: String, keyLine: Int, lines: inout FieldLines) -> [Myth] {
        lines.set("myths", keyLine)
        if node.isNullScalar { return [] }
        guard let items = node.items else {
            report(node.line(or: keyLine), "\(prefix)myths: expected a list, found \(node.kindName)")
            return []
        }
        var out: [Myth] = []
        for (i, item) in items.enumerated() {
            let path = "myths[\(i)]"
            guard let m = YAMLMapping(item) else {
                report(item.line(or: keyLine), "\(prefix)\(path): expected { claim, truth, seed }, found \(item.kindName)")
                continue
            }
            lines.set(path, m.line)
            for (key, line) in m.unknownKeys(allowed: ["claim", "truth", "seed"]) {
                report(line, "\(prefix)\(path): unknown key \"\(key)\"")
            }
            var parts: [String: LocalizedText] = [:]
            for key in ["claim", "truth"] {
                guard let (v, line) = m.entry(key) else {
                    report(m.line, "\(prefix)\(path): missing \"\(key)\"")
                    continue
                }
                parts[key] = localized(v, path: "\(path).\(key)", prefix: prefix, keyLine: line, lines: &lines)
            }
            var seed: String?
            if let (v, line) = m.entry("seed"), !v.isNullScalar {
                lines.set("\(path).seed", line)
                seed = string(v, path: "\(path).seed", prefix: prefix, line: line)
            }
            if let claim = parts["claim"], let truth = parts["truth"] {
                out.append(Myth(claim: claim, truth: truth, seed: seed))
            }
        }
        return out
    }

    /// `sources`: `{ title, where, arxiv | url }` items (the id and URL formats are rules,
    /// checked later).
    mutating func sources(_ node: Node, prefix: String, keyLine: Int, lines: inout FieldLines) -> [Source] {
        lines.set("sources", keyLine)
        if node.isNullScalar { return [] }
        guard let items = node.items else {
            report(node.line(or: keyLine), "\(prefix)sources: expected a list, found \(node.kindName)")
            return []
        }
        var out: [Source] = []
        for (i, item) in items.enumerated() {
            let path = "sources[\(i)]"
            lines.set(path, item.line(or: keyLine))
            guard let m = YAMLMapping(item) else {
                report(item.line(or: keyLine), "\(prefix)\(path): expected { title, arxiv or url, where }, found \(item.kindName)")
                continue
            }
            lines.set(path, m.line)
            for (key, line) in m.unknownKeys(allowed: ["title", "arxiv", "url", "where"]) {
                report(line, "\(prefix)\(path): unknown key \"\(key)\"")
            }
            var fields: [String: String] = [:]
            for key in ["title", "where", "arxiv", "url"] {
                guard let (v, line) = m.entry(key) else {
                    if key == "title" || key == "where" { report(m.line, "\(prefix)\(path): missing \"\(key)\"") }
                    continue
                }
                lines.set("\(path).\(key)", line)
                fields[key] = string(v, path: "\(path).\(key)", prefix: prefix, line: line)
            }
            if let title = fields["title"], let location = fields["where"] {
                out.append(Source(title: title, arxiv: fields["arxiv"], url: fields["url"], where: location))
            }
        }
        return out
    }
}
