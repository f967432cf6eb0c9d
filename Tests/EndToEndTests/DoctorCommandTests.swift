import Foundation
import Testing

/// `dojo doctor` through pipes: each thing the app needs, broken one at a time, gives exit
/// 1 and a line that names it and says what to do; a healthy setup gives exit 0.
@Suite struct DoctorCommandTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("content").path

    /// A fresh data home, removed by the caller.
    static func home() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-doctor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func environment(_ home: URL) -> [String: String] {
        ["DOJO_HOME": home.path, "DOJO_CONTENT": content, "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
    }

    static func doctor(_ home: URL, _ changes: [String: String] = [:], unsetting: [String] = []) throws -> (status: Int32, out: String, err: String) {
        var env = environment(home)
        for (k, v) in changes { env[k] = v }
        for name in unsetting { env[name] = nil }
        return try DojoBinary.run(["doctor"], environment: env, unsetting: unsetting)
    }

    /// The report's lines, trailing spaces kept out.
    static func lines(_ out: String) -> [String] { out.split(separator: "\n").map(String.init) }

    @Test func healthySetupPasses() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let r = try Self.doctor(home)
        #expect(r.status == 0, "\(r.out)")
        #expect(Self.lines(r.out).last == "Everything the app needs is in place.")
        #expect(Self.lines(r.out).contains("  ok    TERM         xterm-256color"))
        #expect(Self.lines(r.out).contains("  ok    locale       C.UTF-8 (UTF-8)"))
        // Doctor reads only: no database is created.
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("dojo.sqlite").path))
    }

    @Test func unsetTermFails() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let r = try Self.doctor(home, unsetting: ["TERM"])
        #expect(r.status == 1)
        let lines = Self.lines(r.out)
        #expect(lines.contains("  FAIL  TERM         unset"))
        #expect(lines.contains("        → set TERM to your terminal's type (e.g. export TERM=xterm-256color)"))
        #expect(lines.last == "1 problem must be fixed: TERM.")
    }

    /// ncurses cannot start on an unknown TERM, so the doctor must not call it fine.
    @Test func unknownTermFails() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let r = try Self.doctor(home, ["TERM": "bogus"])
        #expect(r.status == 1)
        let lines = Self.lines(r.out)
        #expect(lines.contains("  FAIL  TERM         bogus (not in the terminfo database)"))
        #expect(lines.contains("        → dojo cannot start on it: set TERM to a type ncurses knows (e.g. export TERM=xterm-256color), or install ncurses-term for more types"))
        #expect(lines.last == "1 problem must be fixed: TERM.")
    }

    /// A C locale works (the app switches to C.UTF-8) but the doctor says so.
    @Test func cLocaleIsReportedWithTheFallback() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let r = try Self.doctor(home, ["LC_ALL": "C"])
        #expect(r.status == 0)
        let lines = Self.lines(r.out)
        #expect(lines.contains("  warn  locale       LC_ALL=C (ANSI_X3.4-1968); dojo falls back to C.UTF-8"))
        #expect(lines.contains("        → dojo shows Chinese, but other programs here may not: export LC_ALL=C.UTF-8 (or a UTF-8 locale from `locale -a`)"))
    }

    @Test func garbageDatabaseFailsAndIsLeftAlone() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent("dojo.sqlite")
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        try garbage.write(to: file)
        let r = try Self.doctor(home)
        #expect(r.status == 1)
        let lines = Self.lines(r.out)
        #expect(lines.contains("  FAIL  database     \(file.path)"))
        #expect(lines.contains { $0.hasPrefix("        → \(file.path) is not a dojo database (it is not an SQLite file). dojo left it untouched.") })
        #expect(lines.last == "1 problem must be fixed: database.")
        #expect(try Data(contentsOf: file) == garbage)
    }

    /// A real database with a damaged first page: the doctor and `dojo stats` give the same
    /// diagnosis (damaged, with the `.recover` advice), not "cannot open".
    @Test func damagedDatabaseGetsTheSameAdviceAsStats() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let created = try DojoBinary.run(["stats"], environment: Self.environment(home))
        #expect(created.status == 0, "\(created.err)")
        let file = home.appendingPathComponent("dojo.sqlite")
        let handle = try FileHandle(forWritingTo: file)
        try handle.seek(toOffset: 100)  // past the 100-byte header: the schema page's b-tree
        handle.write(Data(repeating: 0xFF, count: 200))
        try handle.close()
        let damaged = try Data(contentsOf: file)

        let r = try Self.doctor(home)
        #expect(r.status == 1)
        let stats = try DojoBinary.run(["stats"], environment: Self.environment(home))
        #expect(stats.status != 0)
        let diagnosis = stats.err.trimmingCharacters(in: .newlines).replacingOccurrences(of: "dojo: ", with: "")
        #expect(diagnosis.contains("is damaged") && diagnosis.contains(".recover"))
        #expect(Self.lines(r.out).contains("        → " + diagnosis))
        #expect(!r.out.contains("cannot open"))
        #expect(try Data(contentsOf: file) == damaged)
    }

    @Test func missingContentDirectoryFails() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let r = try Self.doctor(home, ["DOJO_CONTENT": "/nonexistent"])
        #expect(r.status == 1)
        let lines = Self.lines(r.out)
        #expect(lines.contains("  FAIL  content dir  /nonexistent (from DOJO_CONTENT) is not a directory"))
        #expect(lines.contains("        → point DOJO_CONTENT at the repo's content/ directory, or unset it to use the bundled content"))
        #expect(lines.last == "1 problem must be fixed: content dir.")
    }
}
