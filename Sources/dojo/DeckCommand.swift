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

        @Option(help: "zh or en.")
        var lang: Language = .zh

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
            let text = AnkiTextWriter.export(cards, language: lang, withDetail: detail)
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
                FileHandle.standardError.write(Data("wrote \(cards.count) cards to \(output)\n".utf8))
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
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

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw ValidationError("cannot read \(file) as UTF-8 text")
            }
            let deckName = name ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let decks = DataDirectory.resolve().decksURL
            guard let id = DeckImporter.deckId(deckName) else {
                throw ValidationError(DeckImporter.Failure.badName(deckName).description)
            }
            let target = decks.appendingPathComponent("\(id).yaml")
            if let dir = try? ContentPaths.directory(nil),
               ContentPaths.loader(dir, withDecks: false).load().library.topic(id: id) != nil {
                throw ValidationError("the bundled content has a topic \"\(id)\"; pass --name with another name")
            }
            if FileManager.default.fileExists(atPath: target.path) && !force {
                throw ValidationError("\(target.path) exists; pass --force to overwrite it")
            }
            switch DeckImporter.importDeck(text, name: deckName, file: target.path) {
            case let .failure(failure):
                throw ValidationError(failure.description)
            case let .success(deck):
                for s in deck.skipped { FileHandle.standardError.write(Data("\(file): \(s)\n".utf8)) }
                try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
                let yaml = DeckYAMLWriter.yaml(deck.topic, importedFrom: URL(fileURLWithPath: file).lastPathComponent)
                try Data(yaml.utf8).write(to: target)
                print("imported \(deck.topic.cards.count) cards into \(target.path)" + (deck.skipped.isEmpty ? "" : " (\(deck.skipped.count) lines skipped)"))
            }
        }
    }
}
