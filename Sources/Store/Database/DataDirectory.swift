import Foundation

/// Where the app keeps its database and user decks: `$DOJO_HOME`, else
/// `$XDG_DATA_HOME/dojo`, else `~/.local/share/dojo`.
public struct DataDirectory: Sendable, Equatable {
    /// The directory itself.
    public let url: URL

    public init(url: URL) { self.url = url }

    /// Resolves the directory from an environment (the process's by default).
    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> DataDirectory {
        if let home = environment["DOJO_HOME"], !home.isEmpty {
            return DataDirectory(url: URL(fileURLWithPath: home, isDirectory: true))
        }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return DataDirectory(url: URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("dojo", isDirectory: true))
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return DataDirectory(url: URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/share/dojo", isDirectory: true))
    }

    /// The SQLite database file.
    public var databaseURL: URL { url.appendingPathComponent("dojo.sqlite") }

    /// User decks that load beside the bundled content.
    public var decksURL: URL { url.appendingPathComponent("decks", isDirectory: true) }
}
