/// Something wrong in the content, at a file and line: printed `file:line: message`.
public struct ContentProblem: Hashable, Sendable, CustomStringConvertible, Error {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public init(file: String, line: Int, _ message: String) {
        self.init(SourceLocation(file: file, line: line), message)
    }

    /// `file:line: message`, or `file: message` for problems about a whole file (line 0).
    public var description: String {
        location.line > 0 ? "\(location): \(message)" : "\(location.file): \(message)"
    }
}
