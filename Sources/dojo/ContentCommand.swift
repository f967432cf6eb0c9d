import ArgumentParser
import Foundation
import Store
import Study

/// `dojo content check|stats`: validate the question bank and count what is in it.
struct ContentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "content",
        abstract: "Check the question bank (file:line errors) or show its statistics.",
        subcommands: [Check.self, Stats.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate content files; exit 1 on any error.",
            discussion: """
            A directory with seeds.tsv is checked as bundled content (every rule, plus seed \
            coverage); any other directory is checked as user decks (imported cards may lack \
            choices and sources).
            """)

        @Argument(help: "Content directory (default: the bundled content).")
        var directory: String?

        @Flag(name: .customLong("with-decks"), help: "Also check your decks in $DOJO_HOME/decks.")
        var withDecks = false

        func run() throws {
            let dir = try ContentPaths.directory(directory)
            let result = ContentPaths.loader(dir, withDecks: withDecks).load()
            for p in result.problems { print(p) }
            let n = result.problems.count
            print("\(result.fileCount.counted("file")), \(result.library.cards.count.counted("card")), \(n.counted("error"))")
            if n > 0 { throw ExitCode(1) }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cards per topic and level, seed coverage, myths, experiments, sources.")

        @Argument(help: "Content directory (default: the bundled content).")
        var directory: String?

        @Flag(help: "Print JSON.")
        var json = false

        func run() throws {
            let dir = try ContentPaths.directory(directory)
            let result = ContentPaths.loader(dir, withDecks: false).load()
            let stats = ContentStats(result.library)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(stats), as: UTF8.self))
            } else {
                print(stats.text)
            }
            if !result.problems.isEmpty {
                FileHandle.standardError.write(Data("dojo: \(result.problems.count) content problems; run `dojo content check`\n".utf8))
            }
        }
    }
}

/// Where commands find content: the bundled directory and the learner's decks.
enum ContentPaths {
    /// `explicit` if given, else the bundled content found by `ContentLocator`, printed
    /// relative to the working directory when it lies under it.
    static func directory(_ explicit: String?) throws -> String {
        if let explicit { return explicit }
        switch ContentLocator().resolve() {
        case let .environment(url), let .found(url):
            let cwd = FileManager.default.currentDirectoryPath + "/"
            return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
        case let .notFound(searched):
            FileHandle.standardError.write(Data("""
            dojo: cannot find the content directory (content/ with seeds.tsv). Searched:
            \(searched.map { "  " + $0.path }.joined(separator: "\n"))
            Set DOJO_CONTENT=/path/to/content or run from a checkout.

            """.utf8))
            throw ExitCode(2)
        }
    }

    /// A loader for `dir` (bundled when it holds seeds.tsv, else user decks) and, when asked,
    /// the decks under `$DOJO_HOME/decks`.
    static func loader(_ dir: String, withDecks: Bool) -> ContentLoader {
        let bundled = FileManager.default.fileExists(atPath: dir + "/" + ContentLoader.seedsFileName)
        var dirs = [ContentLoader.Directory(path: dir, origin: bundled ? .bundled : .userDeck)]
        if withDecks {
            dirs.append(.init(path: DataDirectory.resolve().decksURL.path, origin: .userDeck))
        }
        return ContentLoader(directories: dirs)
    }

    /// Bundled content plus user decks, for quizzes and decks; problems are summarized on
    /// stderr and what loaded is used.
    static func library() throws -> ContentLibrary {
        let result = loader(try directory(nil), withDecks: true).load()
        if !result.problems.isEmpty {
            FileHandle.standardError.write(Data("dojo: \(result.problems.count.counted("content problem")) (run `dojo content check --with-decks`)\n".utf8))
        }
        return result.library
    }
}
