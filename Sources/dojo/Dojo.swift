import App
import ArgumentParser
import Foundation
import Terminal

/// The `dojo` command: with no subcommand it opens the terminal app.
@main
struct Dojo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dojo",
        abstract: "Study LLM/ML interview questions and watch tiny models train.",
        version: AppVersion.string,
        subcommands: [
            ReviewCommand.self, QuizCommand.self, StatsCommand.self, ScheduleCommand.self,
            ContentCommand.self, DeckCommand.self, BenchCommand.self, DoctorCommand.self,
            BenchStoreCommand.self, SettingsCommand.self, CardsCommand.self,
        ]
    )

    /// What `dojo` says when it has no terminal: only subcommands that exist.
    static let notATerminalMessage =
        "dojo: the app needs a terminal; without one use `dojo review --plain`, `dojo quiz --plain`, `dojo stats`, `dojo doctor` or `dojo --help`."

    func run() throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            FileHandle.standardError.write(Data((Self.notATerminalMessage + "\n").utf8))
            throw ExitCode(2)
        }
        let code: Int32
        do {
            code = try TerminalApp.run()
        } catch let error as TerminalError {
            FileHandle.standardError.write(Data("dojo: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if code != 0 { throw ExitCode(code) }
    }
}
