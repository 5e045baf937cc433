import FlywheelCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The last line of defence for storage failures that reach `main` as Foundation errors: disk
/// full, read-only file system, permission denied and I/O errors become one ``InputError`` with
/// the path (exit 2) instead of Foundation's multi-part text (exit 1). The writers themselves
/// (`writeAtomically`, `makeDirectory`, the results store, corpus writers) already throw
/// `InputError`s; this catches what a library call might still throw.
enum StorageFailure {
    static let errnos: Set<Int32> = [ENOSPC, EDQUOT, EROFS, EACCES, EPERM, EIO, ENOTDIR, EEXIST]

    /// An ``InputError`` for `error` when it is a storage failure, else nil.
    static func inputError(_ error: any Error) -> InputError? {
        let ns = error as NSError
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        var code: Int32?
        if ns.domain == NSPOSIXErrorDomain { code = Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            code = Int32(underlying.code)
        }
        if code == nil, ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileWriteOutOfSpace: code = ENOSPC
            case .fileWriteVolumeReadOnly: code = EROFS
            case .fileWriteNoPermission, .fileReadNoPermission: code = EACCES
            default: break
            }
        }
        guard let code, errnos.contains(code) else { return nil }
        return InputError(file: path, "cannot write: \(String(cString: strerror(code)))")
    }
}
