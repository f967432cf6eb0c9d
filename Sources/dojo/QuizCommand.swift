import ArgumentParser
import Foundation
import Store
import Study

/// `dojo quiz`: a quiz as lines on stdin/stdout. The quiz screen will come with the screens;
/// until then the command runs line mode on the terminal.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Quiz: multiple choice, myth or fact, cloze, typed answers, as plain lines.",
        discussion: """
        Questions go to stdout and answers come from stdin, one per line: a letter or number \
        for multiple choice, m/f for myth or fact, text for cloze and typed answers, ! to mark \
        the previous answer right, :q to stop. The same --seed gives the same quiz. With \
        quiz-affects-schedule on (`dojo settings`), answers also rate the cards, except \
        suspended and buried ones.
        """)

    /// Which questions to ask.
    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case mc, myth, cloze, typed, mixed

        var modes: [QuizMode] {
            switch self {
            case .mc: return [.multipleChoice]
            case .myth: return [.mythOrFact]
            case .cloze: return [.cloze]
            case .typed: return [.typed]
            case .mixed: return QuizMode.allCases
            }
        }
    }

    @Flag(help: "Line mode (prompts on stdout, answers on stdin). It is what quiz runs today.")
    var plain = false

    @Option(help: "Only this topic (repeatable).")
    var topic: [String] = []

    @Option(help: "Only this level, 1–3 (repeatable).")
    var level: [Int] = []

    @Option(help: "mc, myth, cloze, typed or mixed.")
    var mode: Mode = .mixed

    @Option(help: "How many questions.")
    var count = 10

    @Option(help: "Seed for a reproducible quiz (default: from the clock).")
    var seed: UInt64?

    @Option(help: "zh or en (default: DOJO_LANG, else zh for a zh locale, else en).")
    var lang: Language?

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1") }
        for l in level where !(1...3).contains(l) { throw ValidationError("--level must be 1, 2 or 3") }
    }

    func run() throws {
        let lang = self.lang ?? Language.preferred()
        let study = try StudyEnvironment.load()
        let library = study.library
        for t in topic where library.topic(id: t) == nil {
            throw ValidationError("unknown topic \"\(t)\"; topics: \(library.topics.map(\.id).joined(separator: ", "))")
        }
        let seed = self.seed ?? UInt64(Date().timeIntervalSince1970 * 1000) % 1_000_000
        let generator = QuizGenerator(library: library)
        let request = QuizRequest(topics: Set(topic), levels: Set(level), modes: mode.modes, count: count, seed: seed)
        // Read once: the quiz rates cards only if the learner turned quiz-affects-schedule on.
        let scheduling = try StudyEnvironment.orExit { try study.database.quizScheduling() }
        if scheduling != nil {
            FileHandle.standardOutput.write(Data((lang == .zh
                ? "测验答案也会计入复习安排（quiz-affects-schedule 已开启）：答对算“良好”，答错算“重来”。\n"
                : "Quiz answers also rate the cards (quiz-affects-schedule is on): right counts as good, wrong as again.\n").utf8))
        }
        var storeFailed = false
        let runner = PlainQuizRunner(
            language: lang,
            readLine: { Swift.readLine(strippingNewline: true) },
            write: { FileHandle.standardOutput.write(Data($0.utf8)) },
            record: { answer in
                // Each answer is stored as soon as it is final; a failing store is reported
                // once and the quiz goes on.
                do {
                    return try study.database.recordQuizAnswer(QuizAnswerRecord(answer, seed: seed), applying: scheduling).review
                } catch where !storeFailed {
                    storeFailed = true
                    FileHandle.standardError.write(Data("dojo: could not save quiz answers: \(error)\n".utf8))
                } catch {}
                return nil
            })
        _ = runner.run(generator.makeQuiz(request), generator: generator, seed: seed)
    }
}

extension Language: ExpressibleByArgument {}
