import Foundation

/// Locates the `dojo` executable built beside the test bundle and runs it.
enum DojoBinary {
    /// `.build/<triple>/<config>/dojo`, next to `dojoPackageTests.xctest`.
    static var url: URL {
        if let explicit = ProcessInfo.processInfo.environment["DOJO_BINARY"] {
            return URL(fileURLWithPath: explicit)
        }
        var dir = Bundle.main.bundleURL
        while dir.pathExtension == "xctest" || dir.lastPathComponent.hasSuffix(".xctest") {
            dir.deleteLastPathComponent()
        }
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let u = candidate.appendingPathComponent("dojo")
            if FileManager.default.isExecutableFile(atPath: u.path) { return u }
        }
        return dir.appendingPathComponent("dojo")
    }

    /// Runs `dojo` with `arguments` and no terminal; returns exit status, stdout and stderr.
    /// `environment` is added to this process's, after the variables in `unsetting` are removed.
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    unsetting: [String] = []) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = url
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for name in unsetting { env[name] = nil }
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
