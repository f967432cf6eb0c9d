import Testing

@Suite struct CommandLineTests {
    @Test func versionPrintsTheVersion() throws {
        let r = try DojoBinary.run(["--version"])
        #expect(r.status == 0)
        #expect(r.out.split(separator: ".").count == 3)
    }

    @Test func withoutATerminalItExplainsAndExits2() throws {
        let r = try DojoBinary.run([])
        #expect(r.status == 2)
        #expect(r.err.contains("--plain"))
    }
}
