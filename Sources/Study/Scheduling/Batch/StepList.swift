import Foundation

/// Parses step lists written for the command line, such as "1m,10m" or "30s, 2h, 1d".
public enum StepList {
    /// Why a step list could not be read.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case badStep(String)

        public var description: String {
            switch self {
            case .badStep(let text):
                "step \"\(text)\" is not a positive number followed by s, m, h or d (e.g. \"1m,10m\")"
            }
        }
    }

    private static let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]

    /// The steps in seconds; an empty or blank text means no steps.
    public static func parse(_ text: String) throws(ParseError) -> [TimeInterval] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.allSatisfy(\.isEmpty) { return [] }
        return try parts.map { part throws(ParseError) in
            guard let unit = part.last, let scale = units[unit],
                  let value = Double(part.dropLast()), value.isFinite, value > 0
            else { throw .badStep(part) }
            return value * scale
        }
    }
}
