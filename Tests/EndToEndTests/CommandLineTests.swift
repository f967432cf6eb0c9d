import Testing

@Suite struct CommandLineTests {
    @Test func versionPrintsTheVersion() throws {
        let r = try DojoBinary.run(["--version"])
        #expect(r.status == 0)
        #expect(r.out.split(separator: ".").count == 3)
    }

    /// The message names only subcommands that exist (each is checked to answer `--help`).
    @Test func withoutATerminalItExplainsAndExits2() throws {
        let r = try DojoBinary.run([])
        #expect(r.status == 2)
        #expect(r.err == "dojo: the app needs a terminal; without one use `dojo review --plain`, `dojo quiz --plain`, `dojo stats`, `dojo doctor` or `dojo --help`.\n")
        #expect(r.out.isEmpty)
        for command in [["review", "--plain"], ["quiz", "--plain"], ["stats"], ["doctor"]] {
            let help = try DojoBinary.run(command + ["--help"])
            #expect(help.status == 0, "\(command) is not a working subcommand")
        }
    }

    /// The subcommands `dojo --help` (or a group's `--help`) lists, in order.
    static func subcommands(inHelp help: String) -> [String] {
        guard let start = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        var names: [String] = []
        for line in help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
            // "  name   abstract"; continuation lines of a long abstract are indented further.
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
            if let name = line.split(separator: " ").first { names.append(String(name)) }
        }
        return names
    }

    /// Every subcommand, nested ones too, answers `--help` with its usage and exit 0.
    @Test func helpWorksOnEverySubcommand() throws {
        let top = try DojoBinary.run(["--help"])
        #expect(top.status == 0)
        #expect(top.out.contains("USAGE: dojo"))
        var pending = Self.subcommands(inHelp: top.out).map { [$0] }
        // The list is read from the binary, so a new subcommand is covered without editing
        // this test; these must be among them.
        #expect(Set(pending.map { $0[0] }).isSuperset(of: ["review", "quiz", "stats", "doctor", "content"]))
        var checked: [String] = []
        while let path = pending.popLast() {
            guard path.last != "help" else { continue }
            let r = try DojoBinary.run(path + ["--help"])
            #expect(r.status == 0, "dojo \(path.joined(separator: " ")) --help exited \(r.status): \(r.err)")
            #expect(r.out.contains("USAGE: dojo \(path.joined(separator: " "))"), "dojo \(path.joined(separator: " ")) --help:\n\(r.out)")
            pending += Self.subcommands(inHelp: r.out).map { path + [$0] }
            checked.append(path.joined(separator: " "))
        }
        #expect(checked.contains("content check"))
        #expect(checked.count >= 10)
    }
}
