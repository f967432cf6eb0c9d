import App
import ArgumentParser
import Foundation

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

    func run() throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            FileHandle.standardError.write(Data(
                "dojo: the app needs a terminal; for scripts use `dojo review --plain`, `dojo quiz --plain`, `dojo run EXPERIMENT` or `dojo --help`.\n".utf8))
            throw ExitCode(2)
        }
        let code = try TerminalApp.run()
        if code != 0 { throw ExitCode(code) }
    }
}
