import ArgumentParser
import Foundation
import Store
import Study

/// `dojo cards suspended|leeches|unsuspend`: find the cards a session no longer shows and
/// bring them back.
struct CardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "List suspended cards and leeches; unsuspend them.",
        discussion: """
            A card is suspended with s in a review, or by becoming a leech (forgotten \
            leech-threshold times, 8 by default). Unsuspending keeps the leech flag (shown in \
            `dojo stats` and as the leech tag of `dojo deck export`) unless --clear-leech is \
            given, say after rewriting the card.
            """,
        subcommands: [Suspended.self, Leeches.self, Unsuspend.self])

    struct Suspended: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List suspended cards (leeches marked).")
        @OptionGroup var listing: Listing
        func run() throws { try listing.print { $0.isSuspended } }
    }

    struct Leeches: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List leeches, suspended or not.")
        @OptionGroup var listing: Listing
        func run() throws { try listing.print { $0.isLeech } }
    }

    struct Unsuspend: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unsuspend cards by id, or every suspended card.")

        @Argument(help: "Card ids, as `dojo cards suspended` lists them.")
        var ids: [String] = []

        @Flag(help: "Every suspended card.")
        var all = false

        @Flag(name: .customLong("clear-leech"), help: "Also drop the leech flag.")
        var clearLeech = false

        func validate() throws {
            if all == !ids.isEmpty { throw ValidationError("give card ids or --all, not both and not neither") }
        }

        func run() throws {
            let study = try StudyEnvironment.load()
            let progress = try StudyEnvironment.orExit { try study.database.cardProgress() }
            let known = Set(study.library.cards.map(\.id)).union(progress.keys)
            let unknown = ids.filter { !known.contains($0) }
            guard unknown.isEmpty else {
                StudyEnvironment.fail("dojo: no card \(unknown.joined(separator: ", ")); `dojo cards suspended` lists suspended ids. Nothing was changed.", code: 2)
            }
            let targets = all ? progress.values.filter(\.isSuspended).map(\.cardID).sorted() : ids
            let changed = try StudyEnvironment.orExit { try study.database.unsuspend(targets, clearingLeech: clearLeech) }
            let changedIDs = Set(changed.map(\.cardID))
            for id in targets {
                guard changedIDs.contains(id) else { print("\(id): not suspended\(clearLeech ? " and not a leech" : ""); unchanged"); continue }
                let before = progress[id]
                var note = ""
                if before?.isLeech == true { note = clearLeech ? " (leech flag cleared)" : " (still flagged as a leech; --clear-leech drops the flag)" }
                print(before?.isSuspended == true ? "\(id): unsuspended\(note)" : "\(id): leech flag cleared")
            }
            if targets.isEmpty { print("No suspended cards.") }
        }
    }

    /// The options and printing the two listings share.
    struct Listing: ParsableArguments {
        @Flag(help: "Print JSON (one object per card).")
        var json = false

        @Option(help: "Language of the question shown: zh or en (default: DOJO_LANG, else your locale).")
        var lang: Language?

        /// Prints the cards whose progress passes `filter`, content order first, then cards no
        /// longer in the content by id.
        func print(where filter: (CardProgress) -> Bool) throws {
            let study = try StudyEnvironment.load()
            let progress = try StudyEnvironment.orExit { try study.database.cardProgress() }
            let cards = Dictionary(study.library.cards.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let inContent = study.library.cards.compactMap { progress[$0.id] }
            let gone = progress.values.filter { cards[$0.cardID] == nil }.sorted { $0.cardID < $1.cardID }
            let chosen = (inContent + gone).filter(filter)
            let language = lang ?? Language.preferred()
            if json {
                let rows = chosen.map { CardRow($0, card: cards[$0.cardID], language: language) }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                Swift.print(String(decoding: try encoder.encode(rows), as: UTF8.self))
                return
            }
            if chosen.isEmpty { Swift.print("None."); return }
            for p in chosen {
                let card = cards[p.cardID]
                var parts = [p.cardID, card?.topic ?? "(no longer in the content)", p.schedule?.phase.rawValue ?? "new",
                             p.lapses.counted("lapse")]
                if p.isLeech { parts.append("leech") }
                if p.isSuspended { parts.append("suspended") }
                if let q = card?.q.text(in: language) { parts.append(q) }
                Swift.print(parts.joined(separator: " · "))
            }
        }
    }

    /// One card in `--json` output.
    struct CardRow: Encodable {
        var id: String
        var topic: String?
        var phase: String?
        var reps: Int
        var lapses: Int
        var suspended: Bool
        var leech: Bool
        var question: String?

        init(_ p: CardProgress, card: Card?, language: Language) {
            id = p.cardID
            topic = card?.topic
            phase = p.schedule?.phase.rawValue
            reps = p.reps
            lapses = p.lapses
            suspended = p.isSuspended
            leech = p.isLeech
            question = card?.q.text(in: language)
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(topic, forKey: .topic)
            try c.encode(phase, forKey: .phase)
            try c.encode(reps, forKey: .reps)
            try c.encode(lapses, forKey: .lapses)
            try c.encode(suspended, forKey: .suspended)
            try c.encode(leech, forKey: .leech)
            try c.encode(question, forKey: .question)
        }

        enum CodingKeys: String, CodingKey { case id, topic, phase, reps, lapses, suspended, leech, question }
    }
}
