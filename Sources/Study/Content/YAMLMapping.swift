import Yams

/// A YAML mapping read key by key, remembering which keys were read so the rest can be
/// reported as unknown. Lines come from the parser's marks (1-based).
struct YAMLMapping {
    let mapping: Node.Mapping
    /// The line where the mapping starts.
    let line: Int
    /// Each key's value and line, read once (the first of duplicates, which Yams rejects anyway).
    private let entries: [String: (value: Node, keyLine: Int)]

    init?(_ node: Node) {
        guard case let .mapping(m) = node else { return nil }
        mapping = m
        let line = node.mark?.line ?? 0
        self.line = line
        var entries: [String: (value: Node, keyLine: Int)] = [:]
        for (k, v) in m {
            guard let name = k.scalarText, entries[name] == nil else { continue }
            entries[name] = (v, k.mark?.line ?? line)
        }
        self.entries = entries
    }

    /// The value for `key` and the line of the key itself.
    func entry(_ key: String) -> (value: Node, keyLine: Int)? { entries[key] }

    /// Whether `key` is present with a non-null value.
    func has(_ key: String) -> Bool {
        guard let e = entry(key) else { return false }
        return !e.value.isNullScalar
    }

    /// Keys not in `allowed`, with their lines, in file order.
    func unknownKeys(allowed: Set<String>) -> [(key: String, line: Int)] {
        mapping.compactMap { k, _ in
            let name = k.string ?? "?"
            return allowed.contains(name) ? nil : (name, k.mark?.line ?? line)
        }
    }
}

extension Node {
    /// The line the node starts on, or `fallback` when the parser gave none.
    func line(or fallback: Int) -> Int { mark?.line ?? fallback }

    /// A plain `~`, `null` or empty value.
    var isNullScalar: Bool {
        guard case let .scalar(s) = self else { return false }
        return s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// An unquoted decimal integer.
    var plainInt: Int? {
        guard case let .scalar(s) = self, s.style == .plain else { return nil }
        return Int(s.string)
    }

    /// An unquoted `true` or `false`.
    var plainBool: Bool? {
        guard case let .scalar(s) = self, s.style == .plain else { return nil }
        switch s.string {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// The text of a scalar; nil for mappings, sequences and aliases.
    var scalarText: String? {
        guard case let .scalar(s) = self else { return nil }
        return s.string
    }

    /// The items of a sequence; nil for anything else.
    var items: [Node]? {
        guard case let .sequence(s) = self else { return nil }
        return Array(s)
    }

    /// What the node is, for "expected X, found Y" messages.
    var kindName: String {
        switch self {
        case .scalar: return "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

extension YamlError {
    /// The line of a syntax error and a short description without the source snippet.
    var lineAndProblem: (line: Int, problem: String) {
        switch self {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let ctx = context.map { "\($0.text) (line \($0.mark.line)): " } ?? ""
            return (mark.line, "\(ctx)\(problem) (column \(mark.column))")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            return (context.mark.line, "duplicate key \(keys) in this mapping")
        case let .reader(problem, offset, _, yaml):
            let line = offset.map { o in yaml.utf8.prefix(o).reduce(1) { $1 == 10 ? $0 + 1 : $0 } } ?? 1
            return (line, problem)
        default:
            return (1, "\(self)")
        }
    }
}
