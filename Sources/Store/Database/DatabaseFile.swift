import Foundation

/// File-system side of the database: the private directory and file, and the header check
/// that runs before SQLite ever opens an existing file.
enum DatabaseFile {
    /// The first 16 bytes of every SQLite 3 database.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Creates `directory` (mode 0700) if it is missing; an existing directory is left as it is.
    static func prepareDirectory(_ directory: URL) throws(StoreError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw .cannotCreateDirectory(path: directory.path, reason: "a file with that name exists")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            // The umask may have narrowed the mode; a private directory is what we want.
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
        } catch {
            throw .cannotCreateDirectory(path: directory.path, reason: error.localizedDescription)
        }
    }

    /// Creates an empty database file with mode 0600 if none exists; SQLite gives its -wal
    /// and -shm files the same mode. Returns whether the file already existed with content.
    static func prepareFile(_ file: URL) throws(StoreError) -> Bool {
        let fd = open(file.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if fd >= 0 {
            close(fd)
            return false
        }
        guard errno == EEXIST else {
            throw .cannotOpen(path: file.path, reason: String(cString: strerror(errno)))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        return size > 0
    }

    /// Throws `notADatabase` unless the file starts with the SQLite header.
    static func checkHeader(_ file: URL) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            throw .cannotOpen(path: file.path, reason: "it cannot be read")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: sqliteHeader.count)) ?? Data()
        guard Array(head) == sqliteHeader else { throw .notADatabase(path: file.path) }
    }
}
