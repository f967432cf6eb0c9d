import App
import ArgumentParser

/// `dojo doctor`: what the app sees of the terminal, locale, BLAS, database and content.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Show what the app sees: terminal, locale, OpenBLAS, database and content.",
        discussion: "Exits 1 when something the app needs is missing, naming it and what to do.")

    func run() throws {
        let report = Doctor.report()
        print(report.text)
        if !report.failures.isEmpty { throw ExitCode(1) }
    }
}
