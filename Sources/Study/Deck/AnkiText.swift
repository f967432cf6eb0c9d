/// A text file in Anki's import format: optional `#key:value` header lines (Anki 2.1.54+),
/// `#` comment lines, then records of fields split by a separator; a field in double quotes
/// may hold the separator, newlines and doubled quotes (`""`).
public struct AnkiText: Hashable, Sendable {
    /// One record (note) and the line it starts on.
    public struct Record: Hashable, Sendable {
        public var line: Int
        public var fields: [String]
    }

    public var separator: Character
    /// Whether fields are HTML (`#html:true`).
    public var html: Bool
    /// 1-based column that holds space-separated tags.
    public var tagsColumn: Int?
    /// Columns that hold Anki metadata (GUID, deck, note type) rather than note fields.
    public var metadataColumns: Set<Int>
    /// Tags for every note (`#tags:` or the old `tags:` line).
    public var tags: [String]
    /// Deck name from `#deck:`.
    public var deck: String?
    public var records: [Record]
    /// Records that could not be read, with their line numbers.
    public var problems: [DeckProblem]

    /// The separators the `#separator:` header names.
    static let namedSeparators: [String: Character] = [
        "comma": ",", "semicolon": ";", "tab": "\t", "space": " ", "pipe": "|", "colon": ":",
    ]

    /// Parses `text`. Without a `#separator:` header the separator is guessed from the first
    /// record line: tab, else semicolon, else comma.
    public static func parse(_ text: String) -> AnkiText {
        var file = AnkiText(separator: "\t", html: false, tagsColumn: nil, metadataColumns: [], tags: [],
                            deck: nil, records: [], problems: [])
        let lines = Self.lines(text)
        var start = 0, explicitSeparator = false
        // Header lines come first; the old-style `tags:` line may precede them.
        while start < lines.count {
            let line = lines[start]
            if start == 0, line.hasPrefix("tags:") {
                file.tags += words(String(line.dropFirst(5)))
            } else if line.hasPrefix("#") {
                if let (key, value) = header(line) {
                    switch key {
                    case "separator":
                        if let s = namedSeparators[value.lowercased()] ?? (value.count == 1 ? value.first : nil) {
                            file.separator = s
                            explicitSeparator = true
                        } else {
                            file.problems.append(DeckProblem(line: start + 1, "unknown separator \"\(value)\"; using tab"))
                            explicitSeparator = true
                        }
                    case "html": file.html = value.lowercased() == "true"
                    case "tags": file.tags += words(value)
                    case "deck": file.deck = value
                    case "tags column": file.tagsColumn = Int(value)
                    case "guid column", "deck column", "notetype column":
                        if let n = Int(value) { file.metadataColumns.insert(n) }
                    default: break
                    }
                }
            } else if !line.trimmingSpaces.isEmpty {
                break
            }
            start += 1
        }
        if !explicitSeparator, start < lines.count {
            let first = lines[start]
            file.separator = first.contains("\t") ? "\t" : first.contains(";") ? ";" : first.contains(",") ? "," : "\t"
        }
        file.readRecords(lines, from: start)
        return file
    }

    /// The file's lines, split at LF, CRLF or CR only: the line ends Anki writes. Other
    /// characters Unicode calls newlines (U+0085, U+2028, U+2029, form feed, vertical tab)
    /// are text inside a field.
    static func lines(_ text: String) -> [String] {
        // "\r\n" is one Character in Swift, so it splits once.
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map(String.init)
    }

    /// `#key:value` with a known key, trimmed.
    private static func header(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[line.index(after: line.startIndex)..<colon].trimmingSpaces.lowercased()
        let known = ["separator", "html", "tags", "columns", "notetype", "deck", "notetype column",
                     "deck column", "tags column", "guid column"]
        guard known.contains(key) else { return nil }
        return (key, line[line.index(after: colon)...].trimmingSpaces)
    }

    private static func words(_ s: String) -> [String] {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    /// Splits the lines from `start` into records, joining lines inside quoted fields.
    private mutating func readRecords(_ lines: [String], from start: Int) {
        var i = start
        while i < lines.count {
            let first = i + 1
            if lines[i].hasPrefix("#") || lines[i].trimmingSpaces.isEmpty {
                i += 1
                continue
            }
            var fields: [String] = [], field = "", quoted = false, atFieldStart = true
            var line = Array(lines[i]), pos = 0
            while true {
                if pos == line.count {
                    if quoted {
                        i += 1
                        if i == lines.count {
                            problems.append(DeckProblem(line: first, "unterminated quoted field (a \" opened on this line is never closed)"))
                            return
                        }
                        field.append("\n")
                        line = Array(lines[i]); pos = 0
                        continue
                    }
                    fields.append(field)
                    break
                }
                let c = line[pos]
                if quoted {
                    if c == "\"" {
                        if pos + 1 < line.count, line[pos + 1] == "\"" { field.append("\""); pos += 1 } else { quoted = false }
                    } else {
                        field.append(c)
                    }
                } else if c == separator {
                    fields.append(field); field = ""; atFieldStart = true
                    pos += 1
                    continue
                } else if c == "\"" && atFieldStart {
                    quoted = true
                } else {
                    field.append(c)
                }
                atFieldStart = false
                pos += 1
            }
            records.append(Record(line: first, fields: fields))
            i += 1
        }
    }
}

/// A line of an imported file that was skipped or needs attention.
public struct DeckProblem: Hashable, Sendable, CustomStringConvertible, Error {
    public var line: Int
    public var message: String

    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    /// `line 7: expected 2+ fields, found 1`.
    public var description: String { "line \(line): \(message)" }
}
