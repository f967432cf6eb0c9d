import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a database through the system libsqlite3, loaded with dlopen, so the crash test's
/// verdict does not rest on dojo's own code (and the test target needs no GRDB).
enum SQLiteProbe {
    enum Failure: Error, CustomStringConvertible {
        case library(String)
        case sqlite(String)
        var description: String {
            switch self {
            case let .library(m): "cannot load libsqlite3: \(m)"
            case let .sqlite(m): "sqlite: \(m)"
            }
        }
    }

    private typealias Open = @convention(c) (UnsafePointer<CChar>?, UnsafeMutablePointer<OpaquePointer?>?, Int32, UnsafePointer<CChar>?) -> Int32
    private typealias Prepare = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<OpaquePointer?>?, UnsafeMutablePointer<UnsafePointer<CChar>?>?) -> Int32
    private typealias Step = @convention(c) (OpaquePointer?) -> Int32
    private typealias Text = @convention(c) (OpaquePointer?, Int32) -> UnsafePointer<UInt8>?
    private typealias Handle = @convention(c) (OpaquePointer?) -> Int32
    private typealias Message = @convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?

    private static let readOnly: Int32 = 0x1  // SQLITE_OPEN_READONLY
    private static let row: Int32 = 100  // SQLITE_ROW
    private static let done: Int32 = 101  // SQLITE_DONE

    /// The first column of each row `sql` returns from the database at `path`, as text.
    static func column(_ path: String, _ sql: String) throws -> [String] {
        guard let lib = dlopen("libsqlite3.so.0", RTLD_NOW) ?? dlopen("libsqlite3.so", RTLD_NOW) else {
            throw Failure.library(String(cString: dlerror()))
        }
        defer { dlclose(lib) }
        func symbol<T>(_ name: String, as: T.Type) throws -> T {
            guard let p = dlsym(lib, name) else { throw Failure.library("no \(name)") }
            return unsafeBitCast(p, to: T.self)
        }
        let open = try symbol("sqlite3_open_v2", as: Open.self)
        let prepare = try symbol("sqlite3_prepare_v2", as: Prepare.self)
        let step = try symbol("sqlite3_step", as: Step.self)
        let text = try symbol("sqlite3_column_text", as: Text.self)
        let finalize = try symbol("sqlite3_finalize", as: Handle.self)
        let close = try symbol("sqlite3_close", as: Handle.self)
        let errmsg = try symbol("sqlite3_errmsg", as: Message.self)

        var db: OpaquePointer?
        guard open(path, &db, readOnly, nil) == 0 else {
            defer { _ = close(db) }
            throw Failure.sqlite(errmsg(db).map { String(cString: $0) } ?? "open failed")
        }
        defer { _ = close(db) }
        var statement: OpaquePointer?
        guard prepare(db, sql, -1, &statement, nil) == 0 else { throw Failure.sqlite(errmsg(db).map { String(cString: $0) } ?? sql) }
        defer { _ = finalize(statement) }
        var rows: [String] = []
        while true {
            let code = step(statement)
            if code == done { return rows }
            guard code == row else { throw Failure.sqlite(errmsg(db).map { String(cString: $0) } ?? "step failed") }
            rows.append(text(statement, 0).map { String(cString: $0) } ?? "NULL")
        }
    }
}
