import Store

/// The database lines of the doctor's report, read without creating or migrating anything.
enum DatabaseDiagnosis {
    static func findings(for dir: DataDirectory) -> [DoctorReport.Finding] {
        switch AppDatabase.status(of: dir) {
        case let .missing(path):
            return [.init("database", "\(path) (created on first run)"),
                    .init("schema", "none yet; this app knows \(AppDatabase.knownMigrations.count) migration(s)")]
        case let .ready(path, schema, bytes):
            let pending = schema.isCurrent ? "" : " (\(AppDatabase.knownMigrations.count - schema.number) migration(s) run on next start)"
            return [.init("database", "\(path), \(bytes / 1024) KiB"),
                    .init("schema", "version \(schema)\(pending)")]
        case let .unusable(error):
            return [.init("database", dir.databaseURL.path, .failure, advice: "\(error)")]
        }
    }
}
