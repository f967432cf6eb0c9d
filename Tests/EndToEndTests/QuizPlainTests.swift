import Foundation
import Testing

/// `dojo quiz --plain` through pipes, on the StudyTests fixtures.
@Suite struct QuizPlainTests {
    /// The fixture content and a fresh data directory (the quiz stores its answers there).
    static let env = [
        "DOJO_CONTENT": ContentCommandTests.fixtures + "/valid",
        "DOJO_HOME": FileManager.default.temporaryDirectory.appendingPathComponent("dojo-quiz-e2e-\(UInt32.random(in: 0...UInt32.max))").path,
    ]

    @Test func sameSeedSameQuizThroughPipes() throws {
        let args = ["quiz", "--plain", "--seed", "5", "--mode", "mc", "--lang", "en", "--count", "3"]
        let a = try DojoBinary.run(args, stdin: "a\nb\nc\nn\n", environment: Self.env)
        let b = try DojoBinary.run(args, stdin: "a\nb\nc\nn\n", environment: Self.env)
        #expect(a.status == 0)
        #expect(a.out == b.out)
        #expect(a.out.contains("[3/3]"))
        #expect(a.out.contains("Score by topic:"))
        #expect(a.out.contains("Total: "))
        let c = try DojoBinary.run(["quiz", "--plain", "--seed", "6", "--mode", "mc", "--lang", "en", "--count", "3"],
                                   stdin: "a\nb\nc\nn\n", environment: Self.env)
        #expect(c.out != a.out)
    }

    @Test func mythOrFactQuizFiltersByTopicAndExplains() throws {
        let r = try DojoBinary.run(["quiz", "--plain", "--topic", "norms", "--mode", "myth", "--count", "2", "--seed", "1", "--lang", "en"],
                                   stdin: "m\nm\nn\n", environment: Self.env)
        #expect(r.status == 0)
        #expect(r.out.contains("norms · myth or fact"))
        #expect(!r.out.contains("lora ·"))
        #expect(r.out.contains("Source: On Layer Normalization in the Transformer Architecture, arXiv 2002.04745, §3, Figure 1"))
        #expect(r.out.contains("  norms: 1/2"))
    }

    @Test func unknownTopicIsAnError() throws {
        let r = try DojoBinary.run(["quiz", "--plain", "--topic", "nope"], environment: Self.env)
        #expect(r.status != 0)
        #expect(r.err.contains("unknown topic \"nope\""))
    }

    /// Until the quiz screen exists, `dojo quiz` is the line-mode quiz on the terminal.
    @Test func withoutPlainTheSameQuizRuns() throws {
        let args = ["--seed", "5", "--mode", "mc", "--lang", "en", "--count", "2"]
        let plain = try DojoBinary.run(["quiz", "--plain"] + args, stdin: "a\nb\nn\n", environment: Self.env)
        let bare = try DojoBinary.run(["quiz"] + args, stdin: "a\nb\nn\n", environment: Self.env)
        #expect(plain.status == 0, "stderr: \(plain.err)")
        #expect(bare.status == 0, "stderr: \(bare.err)")
        #expect(bare.out == plain.out)
        #expect(bare.out.contains("Score by topic:"))
    }

    @Test func theDefaultLanguageFollowsTheLocale() throws {
        var env = Self.env
        env["DOJO_LANG"] = ""
        env["LC_ALL"] = ""
        env["LC_MESSAGES"] = ""
        env["LANG"] = "en_US.UTF-8"
        let args = ["quiz", "--seed", "5", "--mode", "mc", "--count", "1"]
        #expect(try DojoBinary.run(args, stdin: "a\nn\n", environment: env).out.contains("Score by topic:"))
        env["LANG"] = "zh_CN.UTF-8"
        #expect(try DojoBinary.run(args, stdin: "a\nn\n", environment: env).out.contains("各主题得分："))
        env["DOJO_LANG"] = "en"
        #expect(try DojoBinary.run(args, stdin: "a\nn\n", environment: env).out.contains("Score by topic:"))
    }
}
