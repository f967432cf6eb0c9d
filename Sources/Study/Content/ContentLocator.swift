import Foundation

/// Finds the bundled content directory at run time, so `.build/release/dojo` works straight
/// from a checkout: `$DOJO_CONTENT` if set; else a `content/` directory holding `seeds.tsv`
/// found by walking up from the executable's directory (the checkout, or a copy installed
/// beside the binary); else `<prefix>/share/dojo/content` for an installed binary.
public struct ContentLocator: Sendable {
    public var environment: [String: String]
    /// The directory holding the running executable.
    public var executableDirectory: URL
    /// Whether a directory exists and looks like bundled content; injectable for tests.
    public var isContentDirectory: @Sendable (URL) -> Bool

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executableDirectory: URL = ContentLocator.runningExecutableDirectory(),
        isContentDirectory: @escaping @Sendable (URL) -> Bool = ContentLocator.looksLikeContent
    ) {
        self.environment = environment
        self.executableDirectory = executableDirectory
        self.isContentDirectory = isContentDirectory
    }

    /// Where the content was found and why, for `dojo doctor` and error messages.
    public enum Resolution: Equatable, Sendable {
        case environment(URL)
        case found(URL)
        case notFound(searched: [URL])

        /// The directory, when one was found.
        public var url: URL? {
            switch self {
            case let .environment(u), let .found(u): return u
            case .notFound: return nil
            }
        }
    }

    /// Resolves the content directory.
    public func resolve() -> Resolution {
        if let path = environment["DOJO_CONTENT"], !path.isEmpty {
            return .environment(URL(fileURLWithPath: path, isDirectory: true))
        }
        var searched: [URL] = []
        var dir = executableDirectory.standardizedFileURL
        while true {
            let candidate = dir.appendingPathComponent("content", isDirectory: true)
            searched.append(candidate)
            if isContentDirectory(candidate) { return .found(candidate) }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        let installed = executableDirectory.standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent("share/dojo/content", isDirectory: true)
        searched.append(installed)
        if isContentDirectory(installed) { return .found(installed) }
        return .notFound(searched: searched)
    }

    /// A directory with `seeds.tsv` in it.
    public static func looksLikeContent(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(ContentLoader.seedsFileName).path)
    }

    /// The running executable's directory, symlinks resolved (`/proc/self/exe` on Linux).
    public static func runningExecutableDirectory() -> URL {
        let exe = Bundle.main.executableURL
            ?? URL(fileURLWithPath: CommandLine.arguments.first ?? ".")
        return exe.resolvingSymlinksInPath().deletingLastPathComponent()
    }
}
