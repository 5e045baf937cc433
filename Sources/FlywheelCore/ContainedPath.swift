import Foundation

/// A file named by an input — a manifest's file name, a persona name — resolved inside the folder
/// it must stay in: the name may not be absolute, climb out with `..`, or reach outside through a
/// symbolic link, and what it names must be a regular file (not a folder, a FIFO that would
/// block a read, or a device).
///
/// Errors say where the name came from and never read, hash or print anything outside.
///
/// ```swift
/// let path = try ContainedPath.resolve("tickets.jsonl.zst", in: "corpora/x", source: source)
/// ```
public enum ContainedPath {
    /// Where a name was read, for the error: the file and the key path that held it.
    public struct Source: Sendable {
        public var file: String
        public var field: String
        public init(file: String, field: String) {
            self.file = file
            self.field = field
        }
    }

    /// `folder/name` when `name` stays inside `folder`; nil when it stays inside but does not
    /// exist (callers report a missing file their own way). Throws an ``InputError`` at
    /// `source` when it leaves the folder or is not a regular file.
    public static func resolve(_ name: String, in folder: String, source: Source) throws -> String? {
        func refuse(_ why: String) -> InputError {
            InputError(file: source.file, field: source.field, "'\(name)' \(why)")
        }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        if name.isEmpty || name.hasPrefix("/") || parts.contains("..") || name.contains("\0") {
            throw refuse("is not a file name inside \(folder) (no absolute paths, no '..')")
        }
        let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else {
            // A dangling symbolic link is refused too: it may point anywhere.
            if (try? fm.destinationOfSymbolicLink(atPath: path)) != nil {
                throw refuse("is a symbolic link to nothing")
            }
            return nil
        }
        let inside = canonical(folder)
        let target = canonical(path)
        guard target.hasPrefix(inside == "/" ? "/" : inside + "/") else {
            throw refuse("leads outside \(folder) (through a symbolic link)")
        }
        var info = stat()
        guard stat(target, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw refuse("is not a regular file")
        }
        return path
    }

    /// Whether `name` is a plain name: not empty, no `/`, not starting with `.`, no control
    /// characters — what a persona or other named file may be called.
    public static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/")
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// Whether `path` exists and is (or links to) something other than a regular file — a
    /// folder, a FIFO or a device, which a reader must not open as a file.
    public static func existsButIsNotARegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT != S_IFREG
    }

    /// The absolute path with every symbolic link resolved.
    static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
