import Foundation
import GRDB

/// The read-only look at an existing database file that comes before anything may write to
/// it: SQLite's quick_check, and the applied migrations against those this dojo knows.
///
/// Even a read-only SQLite connection creates the -wal and -shm files of a WAL database
/// when they are missing, and leaves them behind. When neither exists no connection is open
/// (the last one to close removes them), so the file is read as immutable: no locks, no
/// side files, not one byte written. When they exist (or a rollback journal does) another
/// dojo may be running, and the ordinary read-only connection uses the files already there.
enum DatabaseCheck {
    /// What the check found.
    struct Findings: Equatable {
        /// quick_check's rows joined by "; " ("ok" when healthy).
        var quickCheck: String
        /// Applied migrations this dojo knows, oldest first.
        var applied: [String]
        /// Applied migrations this dojo does not know (a newer dojo wrote them), sorted.
        var unknown: [String]
    }

    /// Runs the checks; throws SQLite's error when the file cannot even be read.
    static func inspect(_ file: URL) throws -> Findings {
        var config = Configuration()
        config.readonly = true
        config.label = "dojo-check"
        // A running dojo may be writing or checkpointing; wait for it as the pool does.
        config.busyMode = .timeout(5)
        let queue = try DatabaseQueue(path: connectionPath(file), configuration: config)
        return try queue.read { db in
            let check = try String.fetchAll(db, sql: "PRAGMA quick_check").joined(separator: "; ")
            // Reading the migrations of a damaged file may itself fail; the damage is the news.
            guard check == "ok" else { return Findings(quickCheck: check, applied: [], unknown: []) }
            let migrator = AppDatabase.migrator
            return Findings(
                quickCheck: check, applied: try migrator.appliedMigrations(db),
                unknown: try migrator.appliedIdentifiers(db).subtracting(AppDatabase.knownMigrations).sorted())
        }
    }

    /// Throws the `StoreError` that keeps `open` from writing: damage, or a newer schema.
    static func verify(_ file: URL) throws(StoreError) {
        let path = file.path
        let found: Findings
        do {
            found = try inspect(file)
        } catch {
            throw AppDatabase.classify(error, path: path, existing: true)
        }
        guard found.quickCheck == "ok" else { throw .corrupt(path: path, details: found.quickCheck) }
        guard found.unknown.isEmpty else { throw .newerSchema(path: path, unknownMigrations: found.unknown) }
    }

    /// The path or URI to open `file` with, as explained on the type.
    static func connectionPath(_ file: URL) -> String {
        let fm = FileManager.default
        let inUse = ["-wal", "-shm", "-journal"].contains { fm.fileExists(atPath: file.path + $0) }
        guard !inUse, sqliteReadsURIs else { return file.path }
        return "file:" + uriEscaped(file.path) + "?immutable=1"
    }

    /// Whether this SQLite reads `file:` URIs in plain file names (GRDB passes no URI flag;
    /// Debian's build, like most, enables them at compile time).
    static let sqliteReadsURIs: Bool = {
        let used = try? DatabaseQueue().read { try Bool.fetchOne($0, sql: "SELECT sqlite_compileoption_used('USE_URI')") }
        return used == true
    }()

    /// Percent-escapes everything but unreserved characters and "/", as a URI path needs.
    static func uriEscaped(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80 && (c.isLetter || c.isNumber || "-._~/".contains(c)) {
                out.append(c)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
