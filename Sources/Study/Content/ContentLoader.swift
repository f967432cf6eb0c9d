import Foundation

/// Reads content from disk: the bundled directory (`*.yaml` plus `seeds.tsv`) and the
/// learner's decks (`$DOJO_HOME/decks/*.yaml`), then hands the text to `ContentAssembler`.
/// This is the only part of content loading that touches the file system.
public struct ContentLoader: Sendable {
    /// A directory of content files and what kind they are.
    public struct Directory: Sendable, Hashable {
        /// The path as given; messages print file paths under it (`content/lora.yaml`).
        public var path: String
        public var origin: ContentOrigin

        public init(path: String, origin: ContentOrigin) {
            self.path = path
            self.origin = origin
        }
    }

    public var directories: [Directory]

    /// Loads `directories` in order; a card id in a later directory that already exists is an error.
    public init(directories: [Directory]) { self.directories = directories }

    /// Bundled content at `content`, plus user decks at `decks` when given.
    public init(content: String, decks: String? = nil) {
        var dirs = [Directory(path: content, origin: .bundled)]
        if let decks { dirs.append(Directory(path: decks, origin: .userDeck)) }
        self.init(directories: dirs)
    }

    /// The file name that lists the seed questions in a bundled directory.
    public static let seedsFileName = "seeds.tsv"

    /// Reads every file and assembles the library. Unreadable files become problems; a
    /// missing user-deck directory is simply empty.
    public func load() -> ContentAssembler.Result {
        var files: [ContentFile] = [], problems: [ContentProblem] = []
        var seeds: (inventory: SeedInventory, path: String)?
        for dir in directories {
            let listing = Self.yamlFiles(in: dir)
            files += listing.files
            problems += listing.problems
            if dir.origin == .bundled, seeds == nil {
                let path = Self.join(dir.path, Self.seedsFileName)
                if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                    let parsed = SeedInventory.parse(text, file: path)
                    problems += parsed.problems
                    seeds = (parsed.inventory, path)
                }
            }
        }
        var result = ContentAssembler.assemble(files, seeds: seeds)
        result.problems = problems + result.problems
        return result
    }

    /// The `.yaml`/`.yml` files of `dir`, sorted by name so loading is deterministic.
    static func yamlFiles(in dir: Directory) -> (files: [ContentFile], problems: [ContentProblem]) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: dir.path, isDirectory: &isDir) else {
            if dir.origin == .userDeck { return ([], []) }
            return ([], [ContentProblem(file: dir.path, line: 0, "content directory not found (set DOJO_CONTENT or pass a directory)")])
        }
        guard isDir.boolValue else {
            return ([], [ContentProblem(file: dir.path, line: 0, "not a directory")])
        }
        let names = ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }
            .sorted()
        var files: [ContentFile] = [], problems: [ContentProblem] = []
        for name in names {
            let path = join(dir.path, name)
            guard let data = fm.contents(atPath: path) else {
                problems.append(ContentProblem(file: path, line: 0, "cannot read the file (check its permissions)"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append(ContentProblem(file: path, line: 1, "not valid UTF-8 (save the file as UTF-8)"))
                continue
            }
            files.append(ContentFile(path: path, text: text, origin: dir.origin))
        }
        return (files, problems)
    }

    static func join(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }
}
