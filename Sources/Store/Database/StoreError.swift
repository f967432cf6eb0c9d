import Foundation

/// Why the database could not be used. Each case names the file and what the user can do;
/// in none of them has the app deleted, rewritten or written to the file.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data directory could not be created or is not a directory.
    case cannotCreateDirectory(path: String, reason: String)
    /// The file exists but is not an SQLite database (wrong header).
    case notADatabase(path: String)
    /// SQLite's quick check found damage.
    case corrupt(path: String, details: String)
    /// The file was written by a newer dojo: it holds migrations this version does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// SQLite refused to open or migrate the file.
    case cannotOpen(path: String, reason: String)
    /// A stored setting has a value this version cannot read.
    case invalidSetting(key: String, value: String)

    public var description: String {
        switch self {
        case let .cannotCreateDirectory(path, reason):
            return "dojo cannot create its data directory \(path): \(reason). Create it yourself (mkdir -p -m 700 \(path)) or set DOJO_HOME to a writable directory."
        case let .notADatabase(path):
            return "\(path) is not a dojo database (it is not an SQLite file). dojo left it untouched. If it holds your reviews from elsewhere, keep it; otherwise move it aside (mv \(path) \(path).bad) and restart dojo to start a fresh database."
        case let .corrupt(path, details):
            return "The database \(path) is damaged (SQLite quick_check: \(details)). dojo will not write to it. Your reviews are in it: move it aside (mv \(path) \(path).bad), restart dojo to start a fresh one, and try `sqlite3 \(path).bad .recover` to rescue the rest."
        case let .newerSchema(path, unknown):
            return "The database \(path) was written by a newer dojo (migrations \(unknown.joined(separator: ", "))). Update dojo to open it; your reviews are in it, so do not delete it. To keep using this version, move it aside (mv \(path) \(path).newer) and restart."
        case let .cannotOpen(path, reason):
            return "dojo cannot open the database \(path): \(reason). Check that the file and its directory are yours and writable (ls -l \(path)); dojo did not change it."
        case let .invalidSetting(key, value):
            return "The setting \(key) has the value \"\(value)\", which this dojo cannot read. Fix it or delete the row: sqlite3 <database> \"DELETE FROM settings WHERE key = '\(key)'\" (dojo then uses the default)."
        }
    }
}
