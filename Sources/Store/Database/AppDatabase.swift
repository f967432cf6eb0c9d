import Foundation
import GRDB

/// The app's database: one value owns the GRDB writer, runs the migrations, and offers
/// transactions named after what they mean (`saveReview`, `undo`, `recordQuizAnswer`).
/// Callers never see SQL. On disk it is a WAL `DatabasePool` at `dojo.sqlite` in the data
/// directory; tests use `inMemory()` or a temporary directory.
public struct AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// The database file, or nil for an in-memory database.
    public let fileURL: URL?

    private init(writer: any DatabaseWriter, fileURL: URL?) {
        self.writer = writer
        self.fileURL = fileURL
    }

    /// Opens (creating if needed) the database in `directory`. An existing file is checked
    /// first, read-only: not SQLite, damaged, or from a newer dojo → a `StoreError` and no
    /// write at all. Only a file that passes gets the pool, whose WAL setup writes.
    public static func open(in directory: DataDirectory) throws(StoreError) -> AppDatabase {
        try DatabaseFile.prepareDirectory(directory.url)
        return try OpeningLock.holding(directory.url) { () throws(StoreError) -> AppDatabase in
            try openLocked(directory.databaseURL)
        }
    }

    /// The body of `open`, run while no other dojo is opening the same directory.
    private static func openLocked(_ file: URL) throws(StoreError) -> AppDatabase {
        let existed = try DatabaseFile.prepareFile(file)
        if existed {
            try DatabaseFile.checkHeader(file)
            try DatabaseCheck.verify(file)
        }
        let path = file.path
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration())
        } catch {
            throw classify(error, path: path, existing: existed)
        }
        do {
            try migrator.migrate(pool)
        } catch {
            throw classify(error, path: path, existing: existed)
        }
        return AppDatabase(writer: pool, fileURL: file)
    }

    /// A fresh, migrated database in memory, for tests and previews.
    public static func inMemory() throws -> AppDatabase {
        let queue = try DatabaseQueue(configuration: configuration())
        try migrator.migrate(queue)
        return AppDatabase(writer: queue, fileURL: nil)
    }

    /// The migrations this database has.
    public func schemaVersion() throws -> SchemaVersion {
        try writer.read { db in SchemaVersion(applied: try Self.migrator.appliedMigrations(db)) }
    }

    private static func configuration() -> Configuration {
        var config = Configuration()
        // Another dojo (say `dojo stats` while the app runs) may hold the write lock briefly.
        config.busyMode = .timeout(5)
        config.label = "dojo"
        return config
    }

    /// Sorts SQLite's complaint into what the user should do. On an existing file a plain
    /// SQLITE_ERROR while reading the schema ("unsupported file format", "malformed
    /// database schema") means damage too.
    public static func classify(_ error: Error, path: String, existing: Bool) -> StoreError {
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_NOTADB: return .notADatabase(path: path)
            case .SQLITE_CORRUPT: return .corrupt(path: path, details: db.message ?? "\(db)")
            case .SQLITE_ERROR where existing: return .corrupt(path: path, details: db.message ?? "\(db)")
            default: return .cannotOpen(path: path, reason: db.message ?? "\(db)")
            }
        }
        return .cannotOpen(path: path, reason: "\(error)")
    }
}
