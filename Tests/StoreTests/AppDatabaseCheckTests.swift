import Foundation
import Testing
import GRDB
@testable import Store
import Study

/// A damaged or newer-schema file must be refused before one byte of it, or of a -wal or
/// -shm beside it, is written.
@Suite struct AppDatabaseCheckTests {
    /// A real dojo database with a setting saved, closed again (so no -wal or -shm is left).
    func savedDatabase(in dir: DataDirectory) throws {
        do {
            let db = try AppDatabase.open(in: dir)
            try db.saveSettings(StudySettings(newCardsPerDay: 7))
        }
        #expect(try DatabaseSnapshot(dir).sideFiles == [], "the pool left side files behind")
    }

    @Test func pageOneIntactLaterPagesScrambledIsRefusedUntouched() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let dir = DataDirectory(url: tmp.url)
        try savedDatabase(in: dir)
        var bytes = [UInt8](try Data(contentsOf: dir.databaseURL))
        #expect(bytes.count > 8192)
        for i in 4096..<bytes.count { bytes[i] = UInt8(truncatingIfNeeded: i &* 37 &+ 11) }
        try Data(bytes).write(to: dir.databaseURL)
        let before = try DatabaseSnapshot(dir)
        do {
            _ = try AppDatabase.open(in: dir)
            Issue.record("a damaged file opened")
        } catch {
            guard case let .corrupt(path, details) = error else { Issue.record("unexpected \(error)"); return }
            #expect(path == dir.databaseURL.path && !details.isEmpty)
        }
        #expect(try DatabaseSnapshot(dir) == before)
        // The doctor's look changes nothing either.
        guard case .unusable(.corrupt) = AppDatabase.status(of: dir) else {
            Issue.record("status: \(AppDatabase.status(of: dir))")
            return
        }
        #expect(try DatabaseSnapshot(dir) == before)
    }

    @Test func aHealthyFileInAnAwkwardlyNamedDirectoryOpensAndKeepsItsData() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        // Characters a file: URI must escape.
        let dir = DataDirectory(url: tmp.url.appendingPathComponent("my dojo ?#%&=;ü", isDirectory: true))
        try savedDatabase(in: dir)
        #expect(DatabaseCheck.connectionPath(dir.databaseURL).hasSuffix("?immutable=1") == DatabaseCheck.sqliteReadsURIs)
        let found = try DatabaseCheck.inspect(dir.databaseURL)
        #expect(found == DatabaseCheck.Findings(quickCheck: "ok", applied: AppDatabase.knownMigrations, unknown: []))
        #expect(try AppDatabase.open(in: dir).settings().newCardsPerDay == 7)
    }

    @Test func whileAnotherConnectionIsOpenTheCheckUsesItsFiles() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let dir = DataDirectory(url: tmp.url)
        let running = try AppDatabase.open(in: dir)
        try running.saveSettings(StudySettings(newCardsPerDay: 3))
        // The running pool's WAL holds the setting; an immutable read would miss it.
        #expect(!DatabaseCheck.connectionPath(dir.databaseURL).contains("immutable"))
        #expect(try AppDatabase.open(in: dir).settings().newCardsPerDay == 3)
        _ = running
    }
}

/// Migration v1 as shipped. A migration never changes once shipped: if this fails, put the
/// change in a new migration and leave v1 alone.
@Suite struct MigrationPinTests {
    @Test func migrationOneStillCreatesExactlyTheShippedSchema() throws {
        let db = try AppDatabase.inMemory()
        let dump = try db.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT type, name, tbl_name, sql FROM sqlite_master
                WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY type, name
                """).map { row -> String in
                    let sql: String? = row["sql"]
                    return "\(row["type"] as String) \(row["name"] as String) ON \(row["tbl_name"] as String)\n\(sql ?? "")"
                }.joined(separator: "\n\n")
        }
        #expect(dump == ShippedSchema.v1, "schema now:\n\(dump)")
        #expect(AppDatabase.knownMigrations.first == "v1-study-records")
    }
}
