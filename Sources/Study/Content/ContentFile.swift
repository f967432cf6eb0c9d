/// Whether a content file ships with the app or is one of the learner's own decks.
public enum ContentOrigin: String, Sendable, Hashable {
    /// `content/*.yaml`: must meet every rule, including choices and sources.
    case bundled
    /// `$DOJO_HOME/decks/*.yaml`: same format; cards marked `imported: true` may lack
    /// choices and sources.
    case userDeck
}

/// The text of one content file and how to name it in messages.
public struct ContentFile: Sendable, Hashable {
    /// The path as messages print it (e.g. `content/lora.yaml`).
    public var path: String
    public var text: String
    public var origin: ContentOrigin

    public init(path: String, text: String, origin: ContentOrigin) {
        self.path = path
        self.text = text
        self.origin = origin
    }

    /// The file name without directory and `.yaml`: the topic id the file must declare.
    public var expectedTopic: String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        for ext in [".yaml", ".yml"] where name.hasSuffix(ext) { name.removeLast(ext.count) }
        return name
    }
}

/// Lines of a card's fields (`choices`, `choices[1]`, `sources[0].arxiv`, …), so rules that
/// run on decoded values can still point at the line to edit.
public struct FieldLines: Sendable, Hashable {
    /// The line of the card itself (`- id: …`).
    public var card: Int
    var lines: [String: Int] = [:]

    init(card: Int) { self.card = card }

    /// The line of `path`, else of its nearest parent, else of the card.
    public subscript(path: String) -> Int {
        var p = path
        while true {
            if let l = lines[p] { return l }
            guard let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) else { return card }
            p = String(p[..<cut])
        }
    }

    mutating func set(_ path: String, _ line: Int) { lines[path] = line }

    /// How many items the list at `path` has in the file (valid or not).
    public func itemCount(_ path: String) -> Int {
        var n = 0
        while lines["\(path)[\(n)]"] != nil { n += 1 }
        return n
    }

    /// Whether the field at `path` was written in the file.
    public func has(_ path: String) -> Bool { lines[path] != nil }
}

/// A card as decoded from YAML, with the lines of its fields.
public struct DecodedCard: Sendable, Hashable {
    public var card: Card
    public var lines: FieldLines
    /// False when a required field (level, q, a) could not be read: the card is left out of
    /// the library, but its id and seeds still count for duplicate and coverage checks.
    public var complete: Bool = true
}

/// A topic file as decoded from YAML; cards that could not be decoded are left out (their
/// problems are reported).
public struct DecodedTopic: Sendable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var cards: [DecodedCard]
    public var file: ContentFile
    public var line: Int
}
