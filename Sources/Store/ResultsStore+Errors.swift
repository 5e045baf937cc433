import FlywheelCore
import GRDB

/// SQLite failures as one line a user can act on: what happened to which file.
extension ResultsStore {
    /// An ``InputError`` naming `path` for a SQLite error: disk full, read-only, permission
    /// denied and I/O errors get a plain sentence instead of SQLite's text.
    static func storageError(_ error: DatabaseError, path: String) -> InputError {
        InputError(file: path, storageProblem(error))
    }

    static func storageProblem(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_FULL:
            return "cannot write the results store: the disk is full; free some space, then continue with --resume"
        case .SQLITE_READONLY:
            return "cannot write the results store: it is read-only (a read-only file system or no write permission)"
        case .SQLITE_PERM, .SQLITE_AUTH:
            return "cannot write the results store: permission denied"
        case .SQLITE_CANTOPEN:
            return "cannot open the results store: the folder is missing, not writable or the file is not readable"
        case .SQLITE_IOERR:
            return
                "cannot write the results store: I/O error (\(error.message ?? "disk error")); check the disk, then continue with --resume"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return
                "the results store stayed locked by another process for \(Int(busyTimeout)) s; is another flywheel writing it?"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return
                "the results store is damaged or not a SQLite database (\(error.message ?? "corrupt")); move it away or use --force"
        default:
            return "results store error: \(error.message ?? "\(error)")"
        }
    }
}
