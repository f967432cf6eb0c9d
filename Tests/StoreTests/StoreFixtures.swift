import Foundation
@testable import Store
import Study

/// A fresh temporary directory per test, removed when the value is dropped by the test.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("dojo-store-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    func permissions(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
    }
}

enum StoreFixtures {
    /// 2026-11-23 10:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_428_000)
    static let utc = TimeZone(identifier: "UTC")!

    /// A review card whose dates have bits below the millisecond, to prove exact storage.
    static func reviewCard(_ id: String, lapses: Int = 0) -> CardProgress {
        CardProgress(
            cardID: id,
            schedule: CardState(
                phase: .review, step: nil, stability: 12.345678901234567, difficulty: 6.1 / 3,
                due: now.addingTimeInterval(-1234.56789012345), lastReview: now.addingTimeInterval(-10 * 86_400 - 0.000123)),
            reps: 5, lapses: lapses, isSuspended: false, buriedUntil: nil, isLeech: false)
    }
}

/// Everything on disk for the database: the main file's bytes and which side files exist.
struct DatabaseSnapshot: Equatable {
    var bytes: Data
    var sideFiles: [String]

    init(_ dir: DataDirectory) throws {
        let path = dir.databaseURL.path
        bytes = try Data(contentsOf: dir.databaseURL)
        sideFiles = ["-wal", "-shm", "-journal"].filter { FileManager.default.fileExists(atPath: path + $0) }
    }
}

