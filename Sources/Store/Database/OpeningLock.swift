import Foundation

/// An advisory lock (flock) on the data directory, held while one dojo creates, checks and
/// migrates the database. Without it two dojos started together on a fresh directory both
/// read "no migrations applied" and the second fails creating tables the first just made,
/// or trips over the first one's switch to WAL. Only opening is serialized; once open,
/// SQLite's own locks and the busy timeout share the file.
struct OpeningLock {
    private let descriptor: Int32

    /// Waits up to `timeout` seconds for the lock on `directory`.
    init(directory: URL, timeout: TimeInterval = 15) throws(StoreError) {
        let fd = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            throw .cannotOpen(path: directory.path, reason: String(cString: strerror(errno)))
        }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let reason = errno
            guard reason == EWOULDBLOCK || reason == EINTR else {
                close(fd)
                throw .cannotOpen(path: directory.path, reason: "cannot lock it: \(String(cString: strerror(reason)))")
            }
            guard Date() < deadline else {
                close(fd)
                throw .cannotOpen(path: directory.path, reason: "another dojo has been opening the database there for \(Int(timeout)) s; if none is running, retry")
            }
            usleep(10_000)
        }
        descriptor = fd
    }

    /// Runs `body` holding the lock on `directory`, releasing it however `body` ends.
    static func holding<T>(_ directory: URL, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let lock = try OpeningLock(directory: directory)
        defer { lock.release() }
        return try body()
    }

    /// Unlocks and closes; the value must not be used afterwards.
    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
