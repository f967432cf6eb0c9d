import Foundation
import GRDB

/// What `dojo doctor` reports about the database, found without creating, migrating or
/// writing anything.
public enum DatabaseStatus: Equatable, Sendable, CustomStringConvertible {
    /// No database yet; the first review creates it.
    case missing(path: String)
    /// Usable: its schema and size (main file only).
    case ready(path: String, schema: SchemaVersion, bytes: Int)
    /// Present but unusable, with what to do.
    case unusable(StoreError)

    public var description: String {
        switch self {
        case let .missing(path): return "\(path) (not created yet)"
        case let .ready(path, schema, bytes):
            let pending = schema.isCurrent ? "" : ", migrations pending: \(AppDatabase.knownMigrations.count - schema.number)"
            return "\(path), schema \(schema), \(bytes / 1024) KiB\(pending)"
        case let .unusable(error): return error.description
        }
    }
}

extension AppDatabase {
    /// Inspects the database in `directory` read-only.
    public static func status(of directory: DataDirectory) -> DatabaseStatus {
        let file = directory.databaseURL
        let path = file.path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return .missing(path: path) }
        let bytes = (attributes[.size] as? Int) ?? 0
        if bytes == 0 { return .ready(path: path, schema: SchemaVersion(applied: []), bytes: 0) }
        do throws(StoreError) {
            try DatabaseFile.checkHeader(file)
        } catch {
            return .unusable(error)
        }
        var config = Configuration()
        config.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            return try queue.read { db in
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check").joined(separator: "; ")
                guard check == "ok" else { return .unusable(.corrupt(path: path, details: check)) }
                if try migrator.hasBeenSuperseded(db) {
                    let unknown = try migrator.appliedIdentifiers(db).subtracting(knownMigrations).sorted()
                    return .unusable(.newerSchema(path: path, unknownMigrations: unknown))
                }
                return .ready(path: path, schema: SchemaVersion(applied: try migrator.appliedMigrations(db)), bytes: bytes)
            }
        } catch {
            // The same reading of SQLite's complaint as `open`, so doctor and the app agree.
            return .unusable(classify(error, path: path, existing: true))
        }
    }
}
