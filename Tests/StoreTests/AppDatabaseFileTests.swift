import Foundation
import Synchronization
import Testing
@testable import Store
import Study

@Suite struct AppDatabaseFileTests {
    @Test func aNewDatabaseIsMigratedAndPrivate() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let dir = DataDirectory(url: tmp.url.appendingPathComponent("a/dojo", isDirectory: true))
        let db = try AppDatabase.open(in: dir)
        #expect(try db.schemaVersion() == SchemaVersion(applied: ["v1-study-records"]))
        #expect(try db.schemaVersion().isCurrent)
        try db.saveReview(ReviewRecord(
            cardID: "c", kind: .review, rating: .good, reviewedAt: StoreFixtures.now, before: nil,
            after: CardProgress(cardID: "c")))
        #expect(try tmp.permissions(dir.url.path) == 0o700)
        let path = dir.databaseURL.path
        #expect(try tmp.permissions(path) == 0o600)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            #expect(try tmp.permissions(path + suffix) == 0o600)
        }
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))  // WAL mode
    }

    @Test func reopeningKeepsTheDataAndDoesNotMigrateAgain() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let dir = DataDirectory(url: tmp.url)
        try AppDatabase.open(in: dir).saveSettings(StudySettings(newCardsPerDay: 7))
        let again = try AppDatabase.open(in: dir)
        #expect(try again.settings().newCardsPerDay == 7)
        #expect(try again.schemaVersion().number == 1)
    }

    /// Two terminals starting dojo at once on a fresh data directory: each open must see
    /// either no database or a fully migrated one, never half of the other's setup.
    @Test func concurrentFirstOpensAllSucceed() throws {
        for _ in 0..<8 {
            let tmp = try TemporaryDirectory()
            defer { tmp.remove() }
            let dir = DataDirectory(url: tmp.url.appendingPathComponent("fresh", isDirectory: true))
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 6) { i in
                do {
                    let db = try AppDatabase.open(in: dir)
                    try db.saveSettings(StudySettings(newCardsPerDay: 10 + i))
                } catch {
                    failures.withLock { $0.append(String(describing: error)) }
                }
            }
            #expect(failures.withLock { $0 } == [])
            #expect(try AppDatabase.open(in: dir).schemaVersion().isCurrent)
        }
    }

    @Test func theOpeningLockWaitsThenNamesTheDirectory() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let held = try OpeningLock(directory: tmp.url)
        defer { held.release() }
        #expect {
            _ = try OpeningLock(directory: tmp.url, timeout: 0.05)
        } throws: { error in
            String(describing: error).contains(tmp.url.path) && String(describing: error).contains("another dojo")
        }
    }

    @Test func garbageIsReportedAndLeftByteForByte() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let dir = DataDirectory(url: tmp.url)
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 13) })
        try garbage.write(to: dir.databaseURL)
        #expect(throws: StoreError.notADatabase(path: dir.databaseURL.path)) { try AppDatabase.open(in: dir) }
        #expect(try Data(contentsOf: dir.databaseURL) == garbage)
        let message = String(describing: StoreError.notADatabase(path: dir.databaseURL.path))
        #expect(message.contains(dir.databaseURL.path) && message.contains("move it aside"))
    }

    @Test func aDamagedDatabaseIsReportedAndLeftByteForByte() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let dir = DataDirectory(url: tmp.url)
        var bytes = Array("SQLite format 3\0".utf8)
        bytes += [0x10, 0x00, 0x01, 0x01, 0x00, 0x40, 0x20, 0x20]  // plausible page size, then nonsense
        bytes += (0..<8168).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 5) }
        let damaged = Data(bytes)
        try damaged.write(to: dir.databaseURL)
        do {
            _ = try AppDatabase.open(in: dir)
            Issue.record("a damaged file opened")
        } catch {
            switch error {
            case .corrupt: break
            default: Issue.record("unexpected \(error)")
            }
        }
        #expect(try Data(contentsOf: dir.databaseURL) == damaged)
    }

    @Test func aDatabaseFromANewerDojoIsRefused() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let dir = DataDirectory(url: tmp.url)
        do {
            let db = try AppDatabase.open(in: dir)
            try db.writer.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-from-the-future')")
            }
        }
        // Refused before anything is written: not the file, not a -wal or -shm beside it.
        let before = try DatabaseSnapshot(dir)
        #expect(before.sideFiles == [])
        #expect(throws: StoreError.newerSchema(path: dir.databaseURL.path, unknownMigrations: ["v2-from-the-future"])) {
            try AppDatabase.open(in: dir)
        }
        #expect(try DatabaseSnapshot(dir) == before)
        #expect(AppDatabase.status(of: dir) == .unusable(.newerSchema(path: dir.databaseURL.path, unknownMigrations: ["v2-from-the-future"])))
        #expect(try DatabaseSnapshot(dir) == before)
    }

    @Test func aFileWhereTheDirectoryShouldBeIsReported() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let file = tmp.url.appendingPathComponent("home")
        try Data("x".utf8).write(to: file)
        #expect(throws: StoreError.self) { try AppDatabase.open(in: DataDirectory(url: file)) }
        #expect(try Data(contentsOf: file) == Data("x".utf8))
    }
}

@Suite struct DatabaseStatusTests {
    @Test func statusReportsWithoutCreatingOrChanging() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let dir = DataDirectory(url: tmp.url)
        #expect(AppDatabase.status(of: dir) == .missing(path: dir.databaseURL.path))
        #expect(!FileManager.default.fileExists(atPath: dir.databaseURL.path))
        _ = try AppDatabase.open(in: dir)
        guard case let .ready(_, schema, bytes) = AppDatabase.status(of: dir) else {
            Issue.record("not ready: \(AppDatabase.status(of: dir))")
            return
        }
        #expect(schema.isCurrent && bytes > 0)
        try Data("not a database at all".utf8).write(to: dir.databaseURL)
        #expect(AppDatabase.status(of: dir) == .unusable(.notADatabase(path: dir.databaseURL.path)))
    }
}
