import ArgumentParser
import Foundation
import Store
import Study

/// `dojo deck export|import`: Anki-compatible text in and out.
struct DeckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deck",
        abstract: "Export cards for Anki, or import an Anki text file as your own deck.",
        subcommands: [Export.self, Import.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write cards as Anki text (tab-separated front, back, tags).")

        @Option(help: "Only this topic (default: all).")
        var topic: String?

        @Option(help: "zh or en (default: DOJO_LANG, else zh for a zh locale, else en).")
        var lang: Language?

        @Flag(help: "Add the card's detail to the back.")
        var detail = false

        @Option(name: .shortAndLong, help: "Write to FILE instead of stdout.")
        var output: String?

        func run() throws {
            let library = try ContentPaths.library()
            var cards = library.cards
            if let topic {
                guard library.topic(id: topic) != nil else {
                    throw ValidationError("unknown topic \"\(topic)\"; topics: \(library.topics.map(\.id).joined(separator: ", "))")
                }
                cards = library.cards(inTopic: topic)
            }
            let text = AnkiTextWriter.export(
                cards, language: lang ?? Language.preferred(), withDetail: detail, leeches: Self.leeches())
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
                FileHandle.standardError.write(Data("wrote \(cards.count) cards to \(output)\n".utf8))
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }

        /// Ids of the cards flagged as leeches, for the `leech` tag. No database yet means no
        /// leeches; a database that cannot be read is reported and the export goes on without tags.
        static func leeches() -> Set<String> {
            let data = DataDirectory.resolve()
            guard FileManager.default.fileExists(atPath: data.databaseURL.path) else { return [] }
            do {
                return Set(try AppDatabase.open(in: data).cardProgress().values.filter(\.isLeech).map(\.cardID))
            } catch {
                FileHandle.standardError.write(Data("dojo: exporting without leech tags: \(error)\n".utf8))
                return []
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import an Anki text/CSV file as $DOJO_HOME/decks/NAME.yaml.")

        @Argument(help: "Anki text file (TSV or CSV; #separator/#html/#tags column headers honoured).")
        var file: String

        @Option(help: "Deck name (default: the file name).")
        var name: String?

        @Flag(help: "Overwrite an existing deck file.")
        var force = false

        /// Prints `message` as the import's failure and exits 1: the file, not the command
        /// line, is what needs fixing, so no usage text follows.
        private func fail(_ message: String) -> Never {
            StudyEnvironment.fail("dojo deck import: \(message)", code: 1)
        }

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                fail("cannot read \(file): no such file, or it is not readable")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                fail("\(file) is not UTF-8 text; save it as UTF-8 (Anki exports are) and import again")
            }
            let deckName = name ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let decks = DataDirectory.resolve().decksURL
            guard let id = DeckImporter.deckId(deckName) else {
                fail(DeckImporter.Failure.badName(deckName).description)
            }
            let target = decks.appendingPathComponent("\(id).yaml")
            if let dir = try? ContentPaths.directory(nil),
               ContentPaths.loader(dir, withDecks: false).load().library.topic(id: id) != nil {
                fail("the bundled content has a topic \"\(id)\"; pass --name with another name")
            }
            if FileManager.default.fileExists(atPath: target.path) && !force {
                fail("\(target.path) exists; pass --force to overwrite it")
            }
            switch DeckImporter.importDeck(text, name: deckName, file: target.path) {
            case let .failure(failure):
                fail("\(file): \(failure.description)")
            case let .success(deck):
                for s in deck.skipped { FileHandle.standardError.write(Data("\(file): \(s)\n".utf8)) }
                do {
                    try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
                    let yaml = DeckYAMLWriter.yaml(deck.topic, importedFrom: URL(fileURLWithPath: file).lastPathComponent)
                    try Data(yaml.utf8).write(to: target, options: .atomic)
                } catch {
                    fail("cannot write \(target.path): \(error.localizedDescription)")
                }
                let n = deck.skipped.count
                print("imported \(deck.topic.cards.count.counted("card")) into \(target.path)"
                    + (n == 0 ? "" : " (\(n.counted("line")) skipped)"))
            }
        }
    }
}
