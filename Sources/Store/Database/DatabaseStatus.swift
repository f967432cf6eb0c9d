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
        do {
            let found = try DatabaseCheck.inspect(file)
            guard found.quickCheck == "ok" else { return .unusable(.corrupt(path: path, details: found.quickCheck)) }
            guard found.unknown.isEmpty else { return .unusable(.newerSchema(path: path, unknownMigrations: found.unknown)) }
            return .ready(path: path, schema: SchemaVersion(applied: found.applied), bytes: bytes)
        } catch {
            return .unusable(classify(error, path: path, existing: true))
        }
    }
}
