import ArgumentParser
import Foundation
import Store
import Study

/// `dojo review`: flashcard review with FSRS-6, as lines on stdin/stdout. The full-screen
/// review will come with the screens; until then the command runs line mode on the terminal.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review due flashcards (FSRS-6) as plain lines; works on a terminal or through pipes.",
        discussion: """
            The question is printed; Enter shows the answer; 1 again, 2 hard, 3 good, 4 easy \
            (each shows the interval it would give); u undoes the last action, b buries the card \
            until tomorrow, s suspends it (`dojo cards unsuspend ID` brings it back), q quits. End \
            of input quits too. Every rating is saved before the next card is shown.
            """)

    @Flag(help: "Line mode (plain prompts on stdout, answers on stdin). It is what review runs today.")
    var plain = false

    @Option(help: "Only cards of this topic (the content file name, e.g. lora).")
    var topic: String?

    @Flag(help: "Practise the topic now without changing the schedule.")
    var cram = false

    @Option(name: .customLong("new-limit"), help: "New cards allowed today (instead of the setting; cards already introduced today count).")
    var newLimit: Int?

    @Option(help: "Language of the cards: en, zh or both (default: DOJO_LANG, else zh for a zh locale, else en).")
    var lang: LanguageChoice?

    func validate() throws {
        if let newLimit, newLimit < 0 { throw ValidationError("--new-limit must be 0 or more.") }
    }

    func run() throws {
        let study = try StudyEnvironment.load()
        var cards = study.library.cards
        if let topic {
            cards = study.library.cards(inTopic: topic)
            guard !cards.isEmpty else {
                let known = study.library.topics.map(\.id).joined(separator: ", ")
                FileHandle.standardError.write(Data("dojo: no topic \"\(topic)\". Topics: \(known.isEmpty ? "(none loaded)" : known).\n".utf8))
                throw ExitCode(2)
            }
        }
        var session = try StudyEnvironment.orExit {
            try RecordedReviewSession(
                database: study.database, candidates: cards.map { ReviewCandidate(id: $0.id, topic: $0.topic) },
                mode: cram ? .cram : .scheduled, newLimit: newLimit, now: Date())
        }
        // FileHandle writes go straight to the descriptor: each prompt is out before we read.
        let runner = PlainReviewRunner(
            languages: (lang ?? LanguageChoice(Language.preferred())).languages, readLine: { Swift.readLine(strippingNewline: true) },
            write: { text in
                FileHandle.standardOutput.write(Data(text.utf8))
            })
        _ = try StudyEnvironment.orExit {
            try runner.run(&session, cards: Dictionary(cards.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
        }
    }
}

/// Which language(s) to show cards in.
enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
    case en, zh, both

    /// The choice for one language.
    init(_ language: Language) {
        switch language {
        case .en: self = .en
        case .zh: self = .zh
        }
    }

    var languages: [Language] {
        switch self {
        case .en: return [.en]
        case .zh: return [.zh]
        case .both: return [.zh, .en]
        }
    }
}

/// The content and the database, loaded the same way by `review` and `stats`.
struct StudyEnvironment {
    let library: ContentLibrary
    let database: AppDatabase

    /// Loads bundled content and user decks (as `dojo quiz` does), and opens the database in
    /// `$DOJO_HOME` (or the XDG default). Problems are printed to stderr with what to do.
    static func load() throws -> StudyEnvironment {
        let dataDirectory = DataDirectory.resolve()
        let library = try ContentPaths.library()
        let database: AppDatabase
        do {
            database = try AppDatabase.open(in: dataDirectory)
        } catch {
            fail("dojo: \(error)", code: 1)
        }
        return StudyEnvironment(library: library, database: database)
    }

    /// Runs `body`; a store error is printed with its advice and exits 1.
    static func orExit<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            fail("dojo: \(error)", code: 1)
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(code)
    }
}
